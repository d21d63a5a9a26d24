using SeedreamBot.Core.Credits;

namespace SeedreamBot.Core.Guilds;

/// <summary>A guild's own quota settings; null values fall back to configuration.</summary>
/// <param name="GuildId">The guild.</param>
/// <param name="LogChannelId">Where the bot posts quota changes; null for nowhere.</param>
/// <param name="DefaultAllowance">Credits per period for members without a role allowance or override.</param>
/// <param name="RefillPeriod">The guild's refill period, overriding <c>Credits:RefillPeriod</c>.</param>
/// <param name="RoleAllowances">Allowance per role id; a member gets the largest of their roles'.</param>
/// <param name="BannedTerms">Terms that may not appear in a prompt (whole words, any case).</param>
/// <param name="UpdatedAt">Last change, null when never changed.</param>
public sealed record GuildSettings(
    ulong GuildId,
    ulong? LogChannelId,
    int? DefaultAllowance,
    RefillPeriod? RefillPeriod,
    IReadOnlyDictionary<ulong, int> RoleAllowances,
    IReadOnlyList<string> BannedTerms,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>The settings of a guild nobody configured.</summary>
    public static GuildSettings Empty(ulong guildId) =>
        new(guildId, null, null, null, new Dictionary<ulong, int>(), [], null);
}
