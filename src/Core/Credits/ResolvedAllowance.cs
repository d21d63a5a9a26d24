namespace SeedreamBot.Core.Credits;

/// <summary>A member's allowance per period and where it comes from.</summary>
internal readonly record struct ResolvedAllowance(int Amount, AllowanceSource Source, ulong? RoleId)
{
    public string Describe() => Source switch
    {
        AllowanceSource.UserOverride => "own allowance",
        AllowanceSource.Role => $"role {RoleId}",
        AllowanceSource.GuildDefault => "server default",
        AllowanceSource.DirectMessages => "direct-message allowance",
        _ => "configured default",
    };
}
