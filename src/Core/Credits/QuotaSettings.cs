using SeedreamBot.Core.Generation;

namespace SeedreamBot.Core.Credits;

/// <summary>
/// A guild's quota settings at a glance, as in effect (guild overrides applied over configuration), with the
/// server's pool for this budget period.
/// </summary>
public sealed record QuotaSettings(
    ulong GuildId,
    int DefaultAllowance,
    AllowanceSource DefaultAllowanceSource,
    RefillPeriod Period,
    bool PeriodIsGuildOverride,
    string TimeZone,
    IReadOnlyDictionary<ulong, int> RoleAllowances,
    int UserOverrideCount,
    int CostPerGeneration,
    IReadOnlyDictionary<ImageSize, int> CostPerSize,
    ulong? LogChannelId,
    int BlockedCount,
    int DirectMessageAllowance,
    int MaxAdjustment,
    int BannedTermCount,
    DateTimeOffset? NextRefill,
    ServerPoolBalance ServerPool);
