namespace SeedreamBot.Fakes.Discord;

/// <summary>A matched route: its template, parameters, and rate-limit identity.</summary>
internal sealed record FakeRouteMatch(string Template, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The major parameter Discord splits buckets by.</summary>
    public string Major =>
        Values.TryGetValue("channel_id", out var channel) ? channel
        : Values.TryGetValue("guild_id", out var guild) ? guild
        : Values.TryGetValue("interaction_token", out var token) ? Values.GetValueOrDefault("application_id", "") + ":" + token
        : Values.GetValueOrDefault("interaction_id", "");

    /// <summary>Interaction callbacks are not bound to the global limit.</summary>
    public bool ExemptFromGlobal => Template.StartsWith("/interactions/", StringComparison.Ordinal);
}
