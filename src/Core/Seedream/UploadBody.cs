namespace SeedreamBot.Core.Seedream;

/// <summary>Apiframe's <c>Upload</c> document, the answer of <c>POST /v2/uploads</c>.</summary>
internal sealed record UploadBody(string? Id, string? Url, string? Kind, string? ContentType, long? ByteSize, DateTimeOffset? ExpiresAt);
