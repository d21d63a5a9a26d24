namespace SeedreamBot.Core.Credits;

/// <summary>Where a member's allowance per period comes from, strongest first.</summary>
public enum AllowanceSource
{
    /// <summary>A moderator set this member's own allowance.</summary>
    UserOverride,

    /// <summary>The largest allowance among the member's roles.</summary>
    Role,

    /// <summary>The guild's default allowance.</summary>
    GuildDefault,

    /// <summary><c>Credits:DefaultAllowance</c>.</summary>
    Configuration,

    /// <summary><c>Credits:DirectMessageAllowance</c>, for the direct-message scope.</summary>
    DirectMessages,
}
