using SeedreamBot.Discord.Models.Validation;

namespace SeedreamBot.Discord.Models;

/// <summary>
/// Builds an <see cref="Embed"/> fluently; <see cref="Build"/> checks Discord's limits and throws
/// <see cref="DiscordValidationException"/> naming the field. Use <see cref="Truncate"/> for user-supplied text.
/// </summary>
public sealed class EmbedBuilder
{
    private readonly List<EmbedField> _fields = [];
    private string? _title;
    private string? _description;
    private string? _url;
    private int? _color;
    private DateTimeOffset? _timestamp;
    private EmbedAuthor? _author;
    private EmbedFooter? _footer;
    private EmbedImage? _image;
    private EmbedThumbnail? _thumbnail;

    public EmbedBuilder WithTitle(string? title)
    {
        _title = title;
        return this;
    }

    public EmbedBuilder WithDescription(string? description)
    {
        _description = description;
        return this;
    }

    public EmbedBuilder WithUrl(string? url)
    {
        _url = url;
        return this;
    }

    /// <summary>The stripe colour, 0xRRGGBB.</summary>
    public EmbedBuilder WithColor(int rgb)
    {
        _color = rgb;
        return this;
    }

    public EmbedBuilder WithTimestamp(DateTimeOffset timestamp)
    {
        _timestamp = timestamp;
        return this;
    }

    public EmbedBuilder WithAuthor(string name, string? url = null, string? iconUrl = null)
    {
        _author = new EmbedAuthor { Name = name, Url = url, IconUrl = iconUrl };
        return this;
    }

    public EmbedBuilder WithFooter(string text, string? iconUrl = null)
    {
        _footer = new EmbedFooter { Text = text, IconUrl = iconUrl };
        return this;
    }

    /// <summary>The large image: an http(s) URL or <see cref="DiscordFile.AttachmentUrl"/>.</summary>
    public EmbedBuilder WithImage(string url)
    {
        _image = new EmbedImage { Url = url };
        return this;
    }

    public EmbedBuilder WithThumbnail(string url)
    {
        _thumbnail = new EmbedThumbnail { Url = url };
        return this;
    }

    public EmbedBuilder AddField(string name, string value, bool inline = false)
    {
        _fields.Add(new EmbedField { Name = name, Value = value, Inline = inline ? true : null });
        return this;
    }

    /// <summary>The embed, after checking every limit (including the 6,000-character total).</summary>
    public Embed Build()
    {
        var embed = new Embed
        {
            Title = _title,
            Description = _description,
            Url = _url,
            Color = _color,
            Timestamp = _timestamp,
            Author = _author,
            Footer = _footer,
            Image = _image,
            Thumbnail = _thumbnail,
            Fields = _fields.Count == 0 ? null : _fields.ToArray(),
        };
        DiscordValidator.ValidateEmbed(embed);
        return embed;
    }

    /// <summary>Shortens <paramref name="text"/> to <paramref name="maxLength"/> code points, ending with "…" when cut.</summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (TextLength.Of(text) <= maxLength)
        {
            return text;
        }

        // Walk code points so a surrogate pair is never split.
        var kept = 0;
        var index = 0;
        while (index < text.Length && kept < maxLength - 1)
        {
            index += char.IsSurrogatePair(text, index) ? 2 : 1;
            kept++;
        }

        return string.Concat(text.AsSpan(0, index), "…");
    }
}
