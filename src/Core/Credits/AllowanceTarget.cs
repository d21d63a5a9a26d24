namespace SeedreamBot.Core.Credits;

/// <summary>Whose allowance a moderator sets: the guild default, a role, or one member.</summary>
/// <param name="Kind">Which of the three.</param>
/// <param name="Id">The role or user id (0 for the guild).</param>
/// <param name="RoleIds">The member's roles, when <paramref name="Kind"/> is User and they are known; used when a user's own allowance is cleared.</param>
public sealed record AllowanceTarget(AllowanceTargetKind Kind, ulong Id, IReadOnlyCollection<ulong>? RoleIds = null)
{
    public static AllowanceTarget Guild { get; } = new(AllowanceTargetKind.Guild, 0);

    public static AllowanceTarget Role(ulong roleId) => new(AllowanceTargetKind.Role, roleId);

    public static AllowanceTarget User(ulong userId, IReadOnlyCollection<ulong>? roleIds = null) =>
        new(AllowanceTargetKind.User, userId, roleIds);
}
