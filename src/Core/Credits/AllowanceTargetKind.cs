namespace SeedreamBot.Core.Credits;

public enum AllowanceTargetKind
{
    /// <summary>The guild's default allowance.</summary>
    Guild,

    /// <summary>The allowance members of one role get.</summary>
    Role,

    /// <summary>One member's own allowance, which beats every role.</summary>
    User,
}
