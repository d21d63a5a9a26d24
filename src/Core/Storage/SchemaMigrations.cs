using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Guilds;

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
    ];

    /// <summary>The version a fresh database gets.</summary>
    public static int Latest => All[^1].Version;
}
