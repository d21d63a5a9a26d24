using SeedreamBot.Core.Credits;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// One moderator action as data, rendered per reader by <see cref="ModeratorNoticeView"/>: in the guild's language
/// for the log channel, in the moderator's for their confirmation.
/// </summary>
/// <param name="Action">What was done.</param>
/// <param name="ModeratorId">Who did it.</param>
/// <param name="Time">When.</param>
public sealed record ModeratorNotice(ModeratorAction Action, ulong ModeratorId, DateTimeOffset Time)
{
    /// <summary>The member the action was about.</summary>
    public ulong? MemberId { get; init; }

    /// <summary>The role whose allowance changed.</summary>
    public ulong? RoleId { get; init; }

    /// <summary>The channel of a log-channel change.</summary>
    public ulong? ChannelId { get; init; }

    /// <summary>Credits granted, taken or set; the new allowance.</summary>
    public int? Amount { get; init; }

    /// <summary>The member's spendable balance before and after.</summary>
    public int? BalanceBefore { get; init; }

    public int? BalanceAfter { get; init; }

    /// <summary>Whether <see cref="AllowanceBefore"/>/<see cref="AllowanceAfter"/> are meaningful (null there means "inherits").</summary>
    public bool ShowsAllowance { get; init; }

    public int? AllowanceBefore { get; init; }

    public int? AllowanceAfter { get; init; }

    public RefillPeriod? PeriodBefore { get; init; }

    public RefillPeriod? PeriodAfter { get; init; }

    /// <summary>A banned term added or removed.</summary>
    public string? Term { get; init; }

    public string? Reason { get; init; }
}
