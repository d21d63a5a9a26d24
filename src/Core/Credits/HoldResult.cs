namespace SeedreamBot.Core.Credits;

/// <summary>
/// The outcome of <see cref="ICreditLedger.TryHold"/>, with the member's balance and the server's pool after it (hold
/// already excluded).
/// </summary>
public sealed record HoldResult(HoldStatus Status, CreditBalance Balance, int Cost)
{
    /// <summary>The server's pool (direct messages: their own pool), when the hold got as far as checking it.</summary>
    public ServerPoolBalance? Pool { get; init; }

    public bool Succeeded => Status is HoldStatus.Placed or HoldStatus.AlreadyHeld;
}
