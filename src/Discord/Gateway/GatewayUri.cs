namespace SeedreamBot.Discord.Gateway;

/// <summary>Builds the URI to connect to: the gateway (or resume) URL plus <c>?v=10&amp;encoding=json</c>.</summary>
internal static class GatewayUri
{
    public const string ApiVersion = "10";

    public static Uri Build(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var builder = new UriBuilder(url);
        builder.Scheme = builder.Scheme switch
        {
            "https" => "wss",
            "http" => "ws",
            _ => builder.Scheme,
        };
        if (builder.Scheme is "wss" && builder.Port == 443 || builder.Scheme is "ws" && builder.Port == 80)
        {
            builder.Port = -1;
        }

        if (string.IsNullOrEmpty(builder.Path))
        {
            builder.Path = "/";
        }

        // Keep whatever the URL already carries (Discord's carry nothing), replacing our own parameters.
        var kept = builder.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsOurs(pair));
        builder.Query = string.Join('&', kept.Append($"v={ApiVersion}").Append("encoding=json"));
        return builder.Uri;
    }

    private static bool IsOurs(string pair)
    {
        var name = pair.Split('=', 2)[0];
        return name is "v" or "encoding" or "compress";
    }
}
