using LiteDB;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Credits;

/// <summary>
/// A server's stored pool (guild 0: direct messages): what its members spent this budget period, what is held for
/// generations still running, and what was ever spent. The budget itself is not stored here: it is the operator's
/// setting (<c>servers</c>) or the configured default, read when the pool is opened.
/// </summary>
internal sealed class ServerPool
{
    public required ulong GuildId { get; init; }

    /// <summary>The credits per period in effect (override or default); not stored.</summary>
    public int Budget { get; set; }

    public bool BudgetIsOverride { get; set; }

    /// <summary>UTC ticks of the boundary the period started at (0 with the Never period).</summary>
    public long PeriodStartTicks { get; set; }

    public long Spent { get; set; }

    public long Held { get; set; }

    public long TotalSpent { get; set; }

    public bool Dirty { get; set; }

    /// <summary>What members of the server can still start: never negative, even when an operator lowered the budget.</summary>
    public long Available => Math.Max(0, Budget - Spent - Held);

    public static BsonValue KeyOf(ulong guildId) => Bson.Id(guildId);

    public static ServerPool FromDocument(BsonDocument doc) => new()
    {
        GuildId = Bson.ToUlong(doc["_id"]),
        PeriodStartTicks = doc["ps"].AsInt64,
        Spent = doc["sp"].AsInt64,
        Held = doc["h"].AsInt64,
        TotalSpent = doc["ts"].AsInt64,
    };

    public BsonDocument ToDocument(DateTimeOffset now) => new()
    {
        ["_id"] = KeyOf(GuildId),
        ["ps"] = PeriodStartTicks,
        ["sp"] = Spent,
        ["h"] = Held,
        ["ts"] = TotalSpent,
        ["ua"] = Bson.Time(now),
    };
}
