using System.Globalization;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

/// <summary>
/// One version of a message as a user would see it. Edits create new versions (see
/// <see cref="FakeDiscordServer.MessageHistory"/>); a delete leaves a final version with <see cref="Deleted"/> set.
/// </summary>
public sealed record FakeMessage
{
    public const int EphemeralFlag = 1 << 6;
    public const int LoadingFlag = 1 << 7;

    public required ulong Id { get; init; }

    public required ulong ChannelId { get; init; }

    public ulong? GuildId { get; init; }

    public required ulong AuthorId { get; init; }

    public string AuthorName { get; init; } = "";

    public bool AuthorIsBot { get; init; }

    public string Content { get; init; } = "";

    public JsonArray Embeds { get; init; } = [];

    public JsonArray Components { get; init; } = [];

    public int Flags { get; init; }

    public IReadOnlyList<FakeAttachment> Attachments { get; init; } = [];

    /// <summary>The interaction that created it (responses and follow-ups).</summary>
    public ulong? InteractionId { get; init; }

    public string? Nonce { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>1 for the first version, +1 per edit.</summary>
    public int Version { get; init; } = 1;

    public bool Deleted { get; init; }

    public bool IsEphemeral => (Flags & EphemeralFlag) != 0;

    /// <summary>The "is thinking…" state of a deferred response.</summary>
    public bool IsLoading => (Flags & LoadingFlag) != 0;

    /// <summary>The titles of the embeds, for quick assertions.</summary>
    public IEnumerable<string?> EmbedTitles => Embeds.Select(e => e?["title"]?.GetValue<string>());

    /// <summary>Every custom_id of the buttons on the message.</summary>
    public IEnumerable<string> CustomIds => Components
        .SelectMany(row => row?["components"] as JsonArray ?? [])
        .Select(c => c?["custom_id"]?.GetValue<string>())
        .OfType<string>();

    /// <summary>
    /// The Message object Discord would return; <paramref name="urlFor"/> signs attachment URLs afresh, as Discord does
    /// in every payload it sends.
    /// </summary>
    public JsonObject ToJson(ulong? applicationId = null, Func<FakeAttachment, string>? urlFor = null)
    {
        var json = new JsonObject
        {
            ["id"] = Id.ToString(CultureInfo.InvariantCulture),
            ["channel_id"] = ChannelId.ToString(CultureInfo.InvariantCulture),
            ["type"] = InteractionId is null ? 0 : 20,
            ["author"] = new JsonObject
            {
                ["id"] = AuthorId.ToString(CultureInfo.InvariantCulture),
                ["username"] = AuthorName,
                ["discriminator"] = "0",
                ["global_name"] = null,
                ["avatar"] = null,
                ["bot"] = AuthorIsBot,
            },
            ["content"] = Content,
            ["timestamp"] = CreatedAt.ToString("o", CultureInfo.InvariantCulture),
            ["edited_timestamp"] = EditedAt?.ToString("o", CultureInfo.InvariantCulture),
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["pinned"] = false,
            ["embeds"] = Embeds.DeepClone(),
            ["components"] = Components.DeepClone(),
            ["attachments"] = new JsonArray(Attachments.Select(a => (JsonNode)a.ToJson(urlFor?.Invoke(a))).ToArray()),
            ["flags"] = Flags,
        };
        if (GuildId is not null)
        {
            json["guild_id"] = GuildId.Value.ToString(CultureInfo.InvariantCulture);
        }

        if (InteractionId is not null && applicationId is not null)
        {
            json["webhook_id"] = applicationId.Value.ToString(CultureInfo.InvariantCulture);
            json["application_id"] = applicationId.Value.ToString(CultureInfo.InvariantCulture);
            json["interaction_metadata"] = new JsonObject
            {
                ["id"] = InteractionId.Value.ToString(CultureInfo.InvariantCulture),
                ["type"] = 2,
            };
        }

        if (Nonce is not null)
        {
            json["nonce"] = Nonce;
        }

        return json;
    }
}
