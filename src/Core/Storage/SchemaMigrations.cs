using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Guilds;
using SeedreamBot.Core.Servers;

namespace SeedreamBot.Core.Storage;

/// <summary>
/// Every schema step, oldest first. A database is brought forward at open; one written by a newer build is refused.
/// Append new steps at the end with the next version number; never edit or reorder a released one.
/// </summary>
public static class SchemaMigrations
{
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "Credit ledger (accounts, holds, entries) and guild settings, with their indexes", db =>
        {
            CreditCollections.EnsureIndexes(db);
            GuildSettingsStore.EnsureIndexes(db);
        }),
        new(2, "Operator tier: server records (admission, budgets), operator settings and server credit pools", db =>
        {
            // Holds placed before this version carry no server-pool share ("sp" absent): they settle and release on
            // the member's side only, so no pool ever counts a hold it never took.
            ServerStore.EnsureIndexes(db);
            CreditCollections.EnsureServerPools(db);
        }),
    ];

    /// <summary>The version a fresh database gets.</summary>
    public static int Latest => All[^1].Version;
}
