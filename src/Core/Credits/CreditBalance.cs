namespace SeedreamBot.Core.Credits;

/// <summary>What a member has, as shown by <c>/credits</c>. Open holds are already subtracted from the pots.</summary>
/// <param name="Scope">Whose balance.</param>
/// <param name="AllowanceRemaining">What is left of this period's allowance.</param>
/// <param name="Allowance">The member's allowance per period (override, best role, guild default or configuration).</param>
/// <param name="Bonus">Moderator-granted credits that never expire.</param>
/// <param name="Held">Credits set aside for generations still running.</param>
/// <param name="Period">How often the allowance refills.</param>
/// <param name="NextRefill">When the allowance next refills; null when the period is Never.</param>
/// <param name="SpentThisPeriod">Settled spending since the last refill boundary.</param>
/// <param name="ImagesMade">Delivered generations, ever.</param>
/// <param name="Blocked">Whether a moderator blocked the member.</param>
/// <param name="BlockReason">The moderator's reason, when blocked.</param>
public sealed record CreditBalance(
    CreditScope Scope,
    int AllowanceRemaining,
    int Allowance,
    int Bonus,
    int Held,
    RefillPeriod Period,
    DateTimeOffset? NextRefill,
    int SpentThisPeriod,
    int ImagesMade,
    bool Blocked,
    string? BlockReason)
{
    /// <summary>What the member can spend now.</summary>
    public int Available => AllowanceRemaining + Bonus;

    /// <summary>Where <see cref="Allowance"/> comes from (own override, a role, the server default, configuration).</summary>
    public AllowanceSource AllowanceSource { get; init; } = AllowanceSource.Configuration;

    /// <summary>The role that gives the allowance, when <see cref="AllowanceSource"/> is <see cref="AllowanceSource.Role"/>.</summary>
    public ulong? AllowanceRoleId { get; init; }
}
