namespace SeedreamBot.Discord.Models;

/// <summary>
/// A file attached to a message, or passed to a command option (then an ephemeral CDN attachment whose signed
/// <see cref="Url"/> expires: download it promptly).
/// </summary>
public sealed class Attachment
{
    public ulong Id { get; init; }

    public string Filename { get; init; } = "";

    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>The media type Discord detected, e.g. <c>image/png</c>. Not guaranteed; check the bytes too.</summary>
    public string? ContentType { get; init; }

    /// <summary>Size in bytes.</summary>
    public long Size { get; init; }

    public string Url { get; init; } = "";

    public string ProxyUrl { get; init; } = "";

    /// <summary>Pixel height, for images and videos.</summary>
    public int? Height { get; init; }

    /// <summary>Pixel width, for images and videos.</summary>
    public int? Width { get; init; }

    /// <summary>True for attachments that are removed after a while (e.g. command option uploads).</summary>
    public bool? Ephemeral { get; init; }

    public double? DurationSecs { get; init; }

    public int? Flags { get; init; }

    /// <summary>True when <see cref="ContentType"/> says image/*.</summary>
    public bool IsImage => ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true;

    public override string ToString() => $"{Filename} ({Size} bytes, {ContentType ?? "unknown type"})";
}
