using LiteDB;

namespace SeedreamBot.Core.Credits;

/// <summary>The ledger's collections and the indexes every lookup relies on.</summary>
internal static class CreditCollections
{
    /// <summary>One document per scope (<c>_id</c> = <c>guild:user</c>): the pots and counters.</summary>
    public const string Accounts = "credit_accounts";

    /// <summary>One document per generation (<c>_id</c> = generation id), kept after it closes.</summary>
    public const string Holds = "credit_holds";

    /// <summary>Every change, append-only, <c>_id</c> an increasing Int64.</summary>
    public const string Entries = "credit_entries";

    /// <summary>One document per server (<c>_id</c> = guild id, 0 for direct messages): its pool this budget period.</summary>
    public const string ServerPools = "server_pools";

    public static ILiteCollection<BsonDocument> AccountsIn(LiteDatabase db) => db.GetCollection(Accounts);

    public static ILiteCollection<BsonDocument> HoldsIn(LiteDatabase db) => db.GetCollection(Holds);

    public static ILiteCollection<BsonDocument> ServerPoolsIn(LiteDatabase db) => db.GetCollection(ServerPools);

    public static ILiteCollection<BsonDocument> EntriesIn(LiteDatabase db) => db.GetCollection(Entries, BsonAutoId.Int64);

    /// <summary>Entries of one guild: the scope keys that start with <c>guild:</c>.</summary>
    public static BsonExpression EntriesOfGuild(ulong guildId) => Query.StartsWith("s", $"{guildId}:");

    public static void EnsureIndexes(LiteDatabase db)
    {
        // Kept to what lookups need: every index is extra pages written by each operation. Holds are found by
        // generation id (their _id) and open ones by state; entries by scope ("guild:user"), so a guild's entries are
        // a prefix range of the same index; accounts by scope (their _id) and by guild for the settings counts.
        AccountsIn(db).EnsureIndex("g");
        HoldsIn(db).EnsureIndex("st");
        EntriesIn(db).EnsureIndex("s");
    }

    /// <summary>Server pools are looked up by _id only; creating the collection makes it visible to tools.</summary>
    public static void EnsureServerPools(LiteDatabase db) => ServerPoolsIn(db);
}
