namespace SeedreamBot.Bot.Interactions;

/// <summary>What the bot writes as the HTTP response to an interaction Discord POSTed to its endpoint.</summary>
/// <param name="StatusCode">200 with the interaction response, 202 when it went over the REST callback, 5xx when none came.</param>
/// <param name="Json">The interaction response for a 200; null otherwise.</param>
public sealed record HttpInteractionAnswer(int StatusCode, byte[]? Json)
{
    /// <summary>The initial response went over the REST callback (it had files): Discord expects 202 and no body.</summary>
    public static HttpInteractionAnswer AnsweredByCallback { get; } = new(202, null);

    /// <summary>The pipeline ended without answering (a failure, or the bot is stopping).</summary>
    public static HttpInteractionAnswer Unanswered { get; } = new(500, null);

    /// <summary>No answer within Discord's window: it has given up on the request already.</summary>
    public static HttpInteractionAnswer TooLate { get; } = new(503, null);
}
