namespace SeedreamBot.Core.Seedream;

/// <summary>A file on Apiframe's short-lived upload storage: a URL Apiframe itself can fetch, until <paramref name="ExpiresAt"/>.</summary>
public sealed record UploadedFile(Uri Url, DateTimeOffset? ExpiresAt);
