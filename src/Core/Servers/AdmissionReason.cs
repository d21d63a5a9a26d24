namespace SeedreamBot.Core.Servers;

/// <summary>Why a server is or is not admitted.</summary>
public enum AdmissionReason
{
    /// <summary>Listed in <c>Operator:AllowedServerIds</c>, <c>Discord:GuildIds</c> or <c>Operator:HomeServerId</c>.</summary>
    Configured,

    /// <summary>An operator approved it.</summary>
    Approved,

    /// <summary>The policy is <c>open</c>.</summary>
    Open,

    /// <summary>An operator is a member of it (policy <c>owner-servers</c>).</summary>
    OperatorIsMember,

    /// <summary>An operator declined it.</summary>
    Declined,

    /// <summary>Nothing admits it; operators are asked.</summary>
    NotAdmitted,

    /// <summary>Policy <c>owner-servers</c> and no decision yet: whether an operator is a member decides.</summary>
    NeedsMembershipCheck,
}
