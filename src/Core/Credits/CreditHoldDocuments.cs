using LiteDB;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Credits;

/// <summary>Maps holds to their stored documents. A hold is <c>open</c>, then <c>settled</c> or <c>released</c>.</summary>
internal static class CreditHoldDocuments
{
    public const string Open = "open";

    public const string Settled = "settled";

    public const string Released = "released";

    public static BsonDocument ToDocument(CreditHold hold) => new()
    {
        ["_id"] = hold.GenerationId,
        ["s"] = CreditAccount.KeyOf(hold.Scope),
        ["g"] = Bson.Id(hold.Scope.GuildId),
        ["u"] = Bson.Id(hold.Scope.UserId),
        ["am"] = hold.Amount,
        ["fa"] = hold.FromAllowance,
        ["fb"] = hold.FromBonus,
        ["pa"] = Bson.Time(hold.PlacedAt),
        ["sp"] = hold.FromServerPool,
        ["st"] = Open,
        ["ca"] = BsonValue.Null,
        ["cr"] = BsonValue.Null,
    };

    public static CreditHold FromDocument(BsonDocument doc) => new(
        doc["_id"].AsString,
        new CreditScope(Bson.ToUlong(doc["g"]), Bson.ToUlong(doc["u"])),
        doc["am"].AsInt32,
        doc["fa"].AsInt32,
        doc["fb"].AsInt32,
        Bson.ToOffset(doc["pa"]),

        // Absent in holds placed before server budgets (schema 1): those close on the member's side only.
        doc["sp"].IsBoolean && doc["sp"].AsBoolean);

    public static bool IsOpen(BsonDocument doc) => doc["st"].AsString == Open;

    public static void Close(BsonDocument doc, string state, DateTimeOffset at, string? reason)
    {
        doc["st"] = state;
        doc["ca"] = Bson.Time(at);
        doc["cr"] = Bson.FromNullableString(reason);
    }
}
