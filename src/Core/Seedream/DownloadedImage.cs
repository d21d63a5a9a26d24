namespace SeedreamBot.Core.Seedream;

/// <summary>A result image held in memory, ready to upload.</summary>
/// <param name="Content">The image bytes (exactly the downloaded length).</param>
/// <param name="ContentType">The served media type, e.g. <c>image/png</c>.</param>
/// <param name="FileName">A file name with the right extension, e.g. <c>seedream-1a2b.png</c>.</param>
public sealed record DownloadedImage(ReadOnlyMemory<byte> Content, string ContentType, string FileName);
