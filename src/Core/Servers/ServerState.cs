namespace SeedreamBot.Core.Servers;

/// <summary>An operator's decision about a server. Stored by name, so never rename a member.</summary>
public enum ServerState
{
    /// <summary>Asked to use the bot; no operator decided yet.</summary>
    Pending,

    /// <summary>An operator let it in.</summary>
    Approved,

    /// <summary>An operator turned it down.</summary>
    Declined,
}
