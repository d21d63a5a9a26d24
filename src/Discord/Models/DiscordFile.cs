namespace SeedreamBot.Discord.Models;

/// <summary>
/// A file to upload with a message (<c>files[n]</c> in multipart). Refer to it from an embed with
/// <see cref="AttachmentUrl"/> (<c>attachment://name</c>; only .png, .jpg, .jpeg, .webp and .gif show inline).
/// </summary>
/// <param name="FileName">The name Discord shows, e.g. <c>seedream-1.png</c>.</param>
/// <param name="Content">The bytes (empty for a file made with <see cref="FromStream"/>).</param>
/// <param name="ContentType">The media type, e.g. <c>image/png</c>; <c>application/octet-stream</c> when null.</param>
/// <param name="Description">Alt text, up to 1,024 characters.</param>
public sealed record DiscordFile(string FileName, ReadOnlyMemory<byte> Content, string? ContentType = null, string? Description = null)
{
    /// <summary>
    /// Opens the content for a file that is not kept in memory (see <see cref="FromStream"/>); null for in-memory
    /// files. Called once per attempt, so a retried upload reads it again from the start.
    /// </summary>
    public Func<Stream>? OpenContent { get; init; }

    /// <summary>The size in bytes.</summary>
    public long Length => OpenContent is null ? Content.Length : StreamLength;

    /// <summary>The <c>attachment://</c> URL an embed uses to show this file.</summary>
    public string AttachmentUrl => "attachment://" + FileName;

    private long StreamLength { get; init; }

    /// <summary>
    /// A file streamed from <paramref name="open"/> at upload time (a large export in a temporary file), so its
    /// bytes never have to be held in memory.
    /// </summary>
    /// <param name="fileName">The name Discord shows.</param>
    /// <param name="length">The size in bytes (checked against the upload limit before sending).</param>
    /// <param name="open">Opens the content at its start; the stream is disposed after each attempt.</param>
    /// <param name="contentType">The media type.</param>
    public static DiscordFile FromStream(string fileName, long length, Func<Stream> open, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new DiscordFile(fileName, ReadOnlyMemory<byte>.Empty, contentType) { OpenContent = open, StreamLength = length };
    }

    // The bytes are not printed: they are large and say nothing useful in a log.
    public override string ToString() => $"{FileName} ({Length} bytes, {ContentType ?? "application/octet-stream"})";
}
