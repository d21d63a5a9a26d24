namespace SeedreamBot.Core.Credits;

/// <summary>A scope plus the member's current role ids (from the interaction), which decide their allowance.</summary>
public sealed record CreditMember(CreditScope Scope, IReadOnlyCollection<ulong> RoleIds)
{
    public static CreditMember DirectMessage(ulong userId) => new(CreditScope.DirectMessage(userId), []);
}
