namespace SeedreamBot.Fakes.Discord;

/// <summary>The API routes the fake serves, matched segment by segment (literals before parameters).</summary>
internal static class FakeRoutes
{
    private static readonly (string Method, string Template)[] Routes =
    [
        ("GET", "/gateway/bot"),
        ("GET", "/applications/@me"),
        ("PUT", "/applications/{application_id}/commands"),
        ("GET", "/applications/{application_id}/commands"),
        ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands"),
        ("GET", "/applications/{application_id}/guilds/{guild_id}/commands"),
        ("GET", "/users/@me/guilds"),
        ("POST", "/interactions/{interaction_id}/{interaction_token}/callback"),
        ("GET", "/webhooks/{application_id}/{interaction_token}/messages/@original"),
        ("PATCH", "/webhooks/{application_id}/{interaction_token}/messages/@original"),
        ("DELETE", "/webhooks/{application_id}/{interaction_token}/messages/@original"),
        ("POST", "/webhooks/{application_id}/{interaction_token}"),
        ("GET", "/webhooks/{application_id}/{interaction_token}/messages/{message_id}"),
        ("PATCH", "/webhooks/{application_id}/{interaction_token}/messages/{message_id}"),
        ("DELETE", "/webhooks/{application_id}/{interaction_token}/messages/{message_id}"),
        ("GET", "/guilds/{guild_id}"),
        ("GET", "/guilds/{guild_id}/members/{user_id}"),
        ("DELETE", "/users/@me/guilds/{guild_id}"),
        ("POST", "/users/@me/channels"),
        ("POST", "/channels/{channel_id}/messages"),
        ("GET", "/channels/{channel_id}/messages"),
        ("GET", "/channels/{channel_id}/messages/{message_id}"),
        ("PATCH", "/channels/{channel_id}/messages/{message_id}"),
        ("DELETE", "/channels/{channel_id}/messages/{message_id}"),
        ("POST", "/attachments/refresh-urls"),
    ];

    public static FakeRouteMatch? Match(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (routeMethod, template) in Routes)
        {
            if (!string.Equals(routeMethod, method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var parts = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != segments.Length)
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var matched = true;
            for (var i = 0; i < parts.Length && matched; i++)
            {
                if (parts[i].StartsWith('{'))
                {
                    values[parts[i][1..^1]] = segments[i];
                }
                else
                {
                    matched = string.Equals(parts[i], segments[i], StringComparison.Ordinal);
                }
            }

            if (matched)
            {
                return new FakeRouteMatch(template, values);
            }
        }

        return null;
    }
}
