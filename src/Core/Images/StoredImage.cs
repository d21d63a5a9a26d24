namespace SeedreamBot.Core.Images;

/// <summary>An image in the <see cref="ImageStore"/>: its content address (SHA-256, hex) and what it is.</summary>
public sealed record StoredImage(string Hash, ImageKind Kind, long Bytes, DateTimeOffset LastUsed);
