using LiteDB;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Credits;

/// <summary>
/// A scope's stored state. The allowance pot is kept as what was used of it this period, so that an allowance that
/// changes mid-period (a role gained or lost) can never be exploited: remaining = max(0, allowance − used).
/// </summary>
internal sealed class CreditAccount
{
    public required CreditScope Scope { get; init; }

    public bool IsNew { get; init; }

    /// <summary>Whether anything changed since loading (including changes that wrote no entry).</summary>
    public bool Dirty { get; set; }

    public int Allowance { get; set; }

    public AllowanceSource AllowanceSource { get; set; }

    public ulong? AllowanceRoleId { get; set; }

    public int? AllowanceOverride { get; set; }

    public int AllowanceUsed { get; set; }

    public int Bonus { get; set; }

    public int Held { get; set; }

    /// <summary>UTC ticks of the boundary the allowance was last refilled at (0 with the Never period).</summary>
    public long PeriodStartTicks { get; set; }

    public int SpentThisPeriod { get; set; }

    public int ImagesMade { get; set; }

    public long TotalSpent { get; set; }

    public bool Blocked { get; set; }

    public string? BlockReason { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public int AllowanceRemaining => Math.Max(0, Allowance - AllowanceUsed);

    /// <summary>What the member can spend: allowance left plus bonus (open holds are already out of both).</summary>
    public int Balance => AllowanceRemaining + Bonus;

    public static string KeyOf(CreditScope scope) => $"{scope.GuildId}:{scope.UserId}";

    public static CreditAccount FromDocument(BsonDocument doc) => new()
    {
        Scope = new CreditScope(Bson.ToUlong(doc["g"]), Bson.ToUlong(doc["u"])),
        Allowance = doc["a"].AsInt32,
        AllowanceSource = Enum.Parse<AllowanceSource>(doc["as"].AsString),
        AllowanceRoleId = Bson.ToNullableUlong(doc["ar"]),
        AllowanceOverride = doc["ao"].IsNull ? null : doc["ao"].AsInt32,
        AllowanceUsed = doc["au"].AsInt32,
        Bonus = doc["b"].AsInt32,
        Held = doc["h"].AsInt32,
        PeriodStartTicks = doc["ps"].AsInt64,
        SpentThisPeriod = doc["sp"].AsInt32,
        ImagesMade = doc["im"].AsInt32,
        TotalSpent = doc["ts"].AsInt64,
        Blocked = doc["bl"].AsBoolean,
        BlockReason = Bson.ToNullableString(doc["br"]),
        CreatedAt = Bson.ToOffset(doc["ca"]),
    };

    public BsonDocument ToDocument(DateTimeOffset now) => new()
    {
        ["_id"] = KeyOf(Scope),
        ["g"] = Bson.Id(Scope.GuildId),
        ["u"] = Bson.Id(Scope.UserId),
        ["a"] = Allowance,
        ["as"] = AllowanceSource.ToString(),
        ["ar"] = Bson.FromNullableUlong(AllowanceRoleId),
        ["ao"] = AllowanceOverride is { } value ? value : BsonValue.Null,
        ["au"] = AllowanceUsed,
        ["b"] = Bonus,
        ["h"] = Held,
        ["ps"] = PeriodStartTicks,
        ["sp"] = SpentThisPeriod,
        ["im"] = ImagesMade,
        ["ts"] = TotalSpent,
        ["bl"] = Blocked,
        ["br"] = Bson.FromNullableString(BlockReason),
        ["ca"] = Bson.Time(CreatedAt),
        ["ua"] = Bson.Time(now),
    };
}
