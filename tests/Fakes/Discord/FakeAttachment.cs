using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

/// <summary>A file on a message, or an upload registered on the fake CDN; the bytes are kept for assertions.</summary>
public sealed record FakeAttachment
{
    public required ulong Id { get; init; }

    public required string Filename { get; init; }

    public string? Description { get; init; }

    public string? ContentType { get; init; }

    public required byte[] Content { get; init; }

    public long Size => Content.LongLength;

    /// <summary>The signed URL issued with the attachment; it expires (payloads carry freshly signed ones).</summary>
    public required string Url { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public bool Ephemeral { get; init; }

    /// <summary>The Attachment object Discord would send, with <paramref name="url"/> (a freshly signed one) or <see cref="Url"/>.</summary>
    public JsonObject ToJson(string? url = null)
    {
        url ??= Url;
        var json = new JsonObject
        {
            ["id"] = Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["filename"] = Filename,
            ["size"] = Size,
            ["url"] = url,
            ["proxy_url"] = url.Replace("/cdn/", "/media/", StringComparison.Ordinal),
        };
        if (ContentType is not null)
        {
            json["content_type"] = ContentType;
        }

        if (Description is not null)
        {
            json["description"] = Description;
        }

        if (Width is not null)
        {
            json["width"] = Width;
            json["height"] = Height;
        }

        if (Ephemeral)
        {
            json["ephemeral"] = true;
        }

        return json;
    }
}
