namespace SeedreamBot.Core.Images;

/// <summary>What one trim of the <see cref="ImageStore"/> did.</summary>
public sealed record ImageStoreTrim(int Expired, int Evicted, int Kept, long KeptBytes);
