namespace SeedreamBot.Core.Credits;

/// <summary>Why a moderator operation changed nothing. <see cref="None"/> means it succeeded.</summary>
public enum ModerationRefusal
{
    None,

    /// <summary>Quota commands need a server; direct messages have no moderators.</summary>
    NotInGuild,

    /// <summary>Grant and take need at least 1.</summary>
    AmountNotPositive,

    /// <summary>Set and allowance accept 0 but nothing below.</summary>
    AmountNegative,

    /// <summary>Above <c>Credits:MaxAdjustment</c>.</summary>
    AmountTooLarge,

    /// <summary>Take asked for more than the member can spend.</summary>
    InsufficientBalance,

    /// <summary>The bonus pot would pass its upper bound.</summary>
    BalanceTooLarge,

    /// <summary>The reason is longer than 300 characters.</summary>
    ReasonTooLong,

    AlreadyBlocked,

    NotBlocked,

    /// <summary>Clearing an allowance or period that was never set.</summary>
    NothingToClear,
}
