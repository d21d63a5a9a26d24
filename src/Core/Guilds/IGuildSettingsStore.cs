using SeedreamBot.Core.Credits;

namespace SeedreamBot.Core.Guilds;

/// <summary>
/// Per-guild settings. Quota-related changes (allowances, period, log channel) normally go through
/// <see cref="ICreditModeration"/>, which validates them; the ban list is managed here.
/// </summary>
public interface IGuildSettingsStore
{
    /// <summary>The guild's settings (empty settings when the guild never configured anything).</summary>
    GuildSettings Get(ulong guildId);

    /// <summary>Sets or (null) clears the channel quota changes are posted to.</summary>
    GuildSettings SetLogChannel(ulong guildId, ulong? channelId);

    /// <summary>Sets or (null) clears the guild's default allowance.</summary>
    GuildSettings SetDefaultAllowance(ulong guildId, int? allowance);

    /// <summary>Sets or (null) clears the guild's refill period.</summary>
    GuildSettings SetRefillPeriod(ulong guildId, RefillPeriod? period);

    /// <summary>Sets or (null) clears a role's allowance.</summary>
    GuildSettings SetRoleAllowance(ulong guildId, ulong roleId, int? allowance);

    BanListResult AddBannedTerm(ulong guildId, string term);

    BanListResult RemoveBannedTerm(ulong guildId, string term);

    IReadOnlyList<string> GetBannedTerms(ulong guildId);

    /// <summary>The first banned term of the guild that <paramref name="prompt"/> contains, or null.</summary>
    string? FindBannedTerm(ulong guildId, string prompt);

    /// <summary>Every guild that has a log channel, for alerts that concern the whole bot.</summary>
    IReadOnlyList<GuildSettings> WithLogChannel();
}
