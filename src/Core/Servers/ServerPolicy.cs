namespace SeedreamBot.Core.Servers;

/// <summary>Which servers may use the bot (<c>Operator:ServerPolicy</c>). Written in configuration as <see cref="ServerPolicies"/> names.</summary>
public enum ServerPolicy
{
    /// <summary>
    /// <c>owner-servers</c>: servers listed in configuration, servers an operator approved, and servers an operator is
    /// a member of. A stranger who invites the bot is not admitted until an operator approves.
    /// </summary>
    OwnerServers,

    /// <summary><c>allow-list</c>: only servers listed in configuration or approved by an operator.</summary>
    AllowList,

    /// <summary><c>open</c>: every server (each still limited by its server budget).</summary>
    Open,
}
