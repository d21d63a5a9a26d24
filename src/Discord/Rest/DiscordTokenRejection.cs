namespace SeedreamBot.Discord.Rest;

/// <summary>
/// Whether Discord has rejected the bot token, from whichever call saw it first: a 401 on a bot-token REST route or
/// the gateway's close code 4004. A rejected token never starts working again, so the host should stop (see
/// <see cref="Gateway.DiscordGatewayService"/>) and tell the operator once, in one paragraph.
/// </summary>
public sealed class DiscordTokenRejection
{
    /// <summary>The paragraph an operator needs when the token was refused.</summary>
    public const string Explanation =
        "Discord rejected the bot token{0}. The token is wrong, or it was reset in the Discord Developer Portal. " +
        "Reset it there (your application → Bot → Reset Token), put the new token in Discord:Token (environment " +
        "variable Discord__Token or DISCORD_TOKEN) and start the bot again.";

    private readonly TaskCompletionSource<string> _rejected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes, with the operator's paragraph, the first time the token is rejected.</summary>
    public Task<string> Rejected => _rejected.Task;

    public bool IsRejected => _rejected.Task.IsCompleted;

    /// <summary>Records the rejection; <paramref name="where"/> names the call, e.g. <c>401 on GET /applications/@me</c>.</summary>
    public void Reject(string where) =>
        _rejected.TrySetResult(string.Format(System.Globalization.CultureInfo.InvariantCulture, Explanation, " (" + where + ")"));
}
