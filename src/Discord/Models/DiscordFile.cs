namespace SeedreamBot.Discord.Models;

/// <summary>
/// A file to upload with a message (<c>files[n]</c> in multipart). Refer to it from an embed with
/// <see cref="AttachmentUrl"/> (<c>attachment://name</c>; only .png, .jpg, .jpeg, .webp and .gif show inline).
/// </summary>
/// <param name="FileName">The name Discord shows, e.g. <c>seedream-1.png</c>.</param>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">The media type, e.g. <c>image/png</c>; <c>application/octet-stream</c> when null.</param>
/// <param name="Description">Alt text, up to 1,024 characters.</param>
public sealed record DiscordFile(string FileName, ReadOnlyMemory<byte> Content, string? ContentType = null, string? Description = null)
{
    /// <summary>The <c>attachment://</c> URL an embed uses to show this file.</summary>
    public string AttachmentUrl => "attachment://" + FileName;

    // The bytes are not printed: they are large and say nothing useful in a log.
    public override string ToString() => $"{FileName} ({Content.Length} bytes, {ContentType ?? "application/octet-stream"})";
}
