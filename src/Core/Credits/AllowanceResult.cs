namespace SeedreamBot.Core.Credits;

/// <summary>The outcome of setting or clearing an allowance (and optionally the guild's refill period).</summary>
/// <param name="Refusal">Why nothing changed, or <see cref="ModerationRefusal.None"/>.</param>
/// <param name="Message">A sentence for the moderator.</param>
/// <param name="Target">Whose allowance.</param>
/// <param name="PreviousAllowance">The target's own setting before (null: it had none and inherited).</param>
/// <param name="Allowance">The target's own setting after (null: cleared, it inherits again).</param>
/// <param name="PreviousPeriod">The guild's effective refill period before.</param>
/// <param name="Period">The guild's effective refill period after.</param>
/// <param name="Before">For a user target: the member's balance before.</param>
/// <param name="After">For a user target: the member's balance after.</param>
public sealed record AllowanceResult(
    ModerationRefusal Refusal,
    string Message,
    AllowanceTarget Target,
    int? PreviousAllowance,
    int? Allowance,
    RefillPeriod PreviousPeriod,
    RefillPeriod Period,
    CreditBalance? Before,
    CreditBalance? After)
{
    public bool Succeeded => Refusal == ModerationRefusal.None;
}
