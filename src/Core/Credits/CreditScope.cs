namespace SeedreamBot.Core.Credits;

/// <summary>
/// Whose credits: a member of a guild, or a user in direct messages (<see cref="GuildId"/> 0), which is a separate
/// scope with its own allowance.
/// </summary>
public readonly record struct CreditScope(ulong GuildId, ulong UserId)
{
    public bool IsDirectMessage => GuildId == 0;

    public static CreditScope DirectMessage(ulong userId) => new(0, userId);

    public override string ToString() => IsDirectMessage ? $"dm/{UserId}" : $"{GuildId}/{UserId}";
}
