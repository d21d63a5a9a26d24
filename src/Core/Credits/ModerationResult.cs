namespace SeedreamBot.Core.Credits;

/// <summary>
/// The outcome of a moderator operation on a member. A refused operation changed nothing and wrote no entry; then
/// <see cref="Before"/> and <see cref="After"/> are both the member's current balance.
/// </summary>
/// <param name="Refusal">Why nothing changed, or <see cref="ModerationRefusal.None"/>.</param>
/// <param name="Message">A sentence for the moderator: what happened, or why not and what to do.</param>
/// <param name="Before">The member's balance before the operation.</param>
/// <param name="After">The member's balance after it.</param>
public sealed record ModerationResult(ModerationRefusal Refusal, string Message, CreditBalance Before, CreditBalance After)
{
    public bool Succeeded => Refusal == ModerationRefusal.None;

    /// <summary>Change of the spendable balance.</summary>
    public int Delta => After.Available - Before.Available;
}
