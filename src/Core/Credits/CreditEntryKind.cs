namespace SeedreamBot.Core.Credits;

/// <summary>What changed a member's credits. Stored and exported by name (snake_case), so never rename a member.</summary>
public enum CreditEntryKind
{
    /// <summary>A period boundary refilled the allowance (also the first allowance of a new member).</summary>
    Refill,

    /// <summary>Credits set aside for a generation (negative delta).</summary>
    Hold,

    /// <summary>The generation was delivered; the hold became spending (delta 0).</summary>
    Settle,

    /// <summary>The generation failed, timed out or was cancelled; the hold came back (positive delta, capped).</summary>
    Release,

    /// <summary>A moderator added bonus credits.</summary>
    Grant,

    /// <summary>A moderator removed credits (bonus first, then allowance).</summary>
    Take,

    /// <summary>A moderator set the spendable balance.</summary>
    Set,

    /// <summary>A moderator reset the member to a fresh period (allowance full, bonus 0).</summary>
    Reset,

    /// <summary>The member's allowance per period changed (override, role or default).</summary>
    AllowanceChange,

    /// <summary>A moderator blocked the member (delta 0).</summary>
    Block,

    /// <summary>A moderator lifted the block (delta 0).</summary>
    Unblock,
}
