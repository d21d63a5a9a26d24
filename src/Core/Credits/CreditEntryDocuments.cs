using LiteDB;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Credits;

/// <summary>Maps <see cref="CreditEntry"/> to its stored document and back.</summary>
internal static class CreditEntryDocuments
{
    public static BsonDocument ToDocument(CreditEntry entry) => new()
    {
        ["s"] = CreditAccount.KeyOf(entry.Scope),
        ["g"] = Bson.Id(entry.Scope.GuildId),
        ["u"] = Bson.Id(entry.Scope.UserId),
        ["k"] = CreditEntryKindNames.NameOf(entry.Kind),
        ["ac"] = Bson.FromNullableUlong(entry.ActorId),
        ["d"] = entry.Delta,
        ["bb"] = entry.BalanceBefore,
        ["ba"] = entry.BalanceAfter,
        ["am"] = entry.Amount,
        ["r"] = Bson.FromNullableString(entry.Reason),
        ["t"] = Bson.Time(entry.Time),
        ["gen"] = Bson.FromNullableString(entry.GenerationId),
    };

    public static CreditEntry FromDocument(BsonDocument doc) => new(
        doc["_id"].AsInt64,
        CreditEntryKindNames.TryParse(doc["k"].AsString, out var kind)
            ? kind
            : throw new InvalidDataException($"Ledger entry {doc["_id"]} has an unknown kind '{doc["k"]}'."),
        new CreditScope(Bson.ToUlong(doc["g"]), Bson.ToUlong(doc["u"])),
        Bson.ToNullableUlong(doc["ac"]),
        doc["d"].AsInt32,
        doc["bb"].AsInt32,
        doc["ba"].AsInt32,
        doc["am"].AsInt32,
        Bson.ToNullableString(doc["r"]),
        Bson.ToOffset(doc["t"]),
        Bson.ToNullableString(doc["gen"]));
}
