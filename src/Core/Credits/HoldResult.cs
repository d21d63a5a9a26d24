namespace SeedreamBot.Core.Credits;

/// <summary>The outcome of <see cref="ICreditLedger.TryHold"/>, with the balance after it (hold already excluded).</summary>
public sealed record HoldResult(HoldStatus Status, CreditBalance Balance, int Cost)
{
    public bool Succeeded => Status is HoldStatus.Placed or HoldStatus.AlreadyHeld;
}
