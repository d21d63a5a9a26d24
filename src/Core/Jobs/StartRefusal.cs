using SeedreamBot.Core.Credits;

namespace SeedreamBot.Core.Jobs;

/// <summary>A refused start, with what the bot needs to explain it.</summary>
/// <param name="Kind">Why.</param>
/// <param name="Cost">What the generation would have cost.</param>
/// <param name="Balance">The member's balance, when credits are the reason.</param>
/// <param name="BannedTerm">The matching ban-list term, for <see cref="StartRefusalKind.BannedPrompt"/>.</param>
/// <param name="Limit">The limit reached, for <see cref="StartRefusalKind.QueueFull"/>.</param>
/// <param name="Reason">A moderator's block reason, when there is one.</param>
/// <param name="Pool">The server's pool, for <see cref="StartRefusalKind.ServerBudgetExhausted"/> (when it refills).</param>
public sealed record StartRefusal(
    StartRefusalKind Kind,
    int Cost,
    CreditBalance? Balance = null,
    string? BannedTerm = null,
    int? Limit = null,
    string? Reason = null,
    ServerPoolBalance? Pool = null);
