namespace SeedreamBot.Bot.Endpoint;

/// <summary>The paths the public listener answers (POST only).</summary>
public static class EndpointPaths
{
    /// <summary>Discord's interactions: the developer portal's Interactions Endpoint URL leads here.</summary>
    public const string Interactions = "/interactions";

    /// <summary>Apiframe's job events: <c>Apiframe:WebhookUrl</c> leads here.</summary>
    public const string ApiframeWebhooks = "/webhooks/apiframe";
}
