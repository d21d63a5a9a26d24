using LiteDB;

namespace SeedreamBot.Core.Storage;

/// <summary>
/// Finds a document by <c>_id</c> without parsing an expression per call: LiteDB's <c>FindById</c> parses
/// <c>_id = @0</c> every time, a third of a lookup's CPU. Each thread keeps one parsed expression and sets its
/// parameter per call (the query is consumed before the call returns, so the parameter is never shared).
/// </summary>
internal static class DocumentLookup
{
    [ThreadStatic]
    private static BsonExpression? _byId;

    public static BsonDocument? FindById(ILiteCollection<BsonDocument> collection, BsonValue id)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(id);
        var byId = _byId ??= BsonExpression.Create("_id = @0", BsonValue.Null);
        byId.Parameters["0"] = id;
        try
        {
            return collection.Find(byId).FirstOrDefault();
        }
        finally
        {
            // Not kept alive by the thread.
            byId.Parameters["0"] = BsonValue.Null;
        }
    }
}
