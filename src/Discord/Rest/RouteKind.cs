namespace SeedreamBot.Discord.Rest;

/// <summary>How a route is authenticated and limited.</summary>
internal enum RouteKind
{
    /// <summary>Bot-token routes (commands, channels, gateway, application).</summary>
    Bot,

    /// <summary><c>POST /interactions/{id}/{token}/callback</c>: exempt from the global limit.</summary>
    InteractionCallback,

    /// <summary><c>/webhooks/{application}/{token}…</c>: interaction edits and follow-ups.</summary>
    InteractionWebhook,
}
