using LiteDB;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Bot.Commands;

/// <summary>
/// The scopes where the bot last left its commands, per application (collection <c>command_scopes</c>), so that when
/// <c>Discord:GuildIds</c> changes the registrar knows where to remove them without asking every server.
/// </summary>
public sealed class CommandScopeStore
{
    internal const string CollectionName = "command_scopes";

    private readonly SeedreamDatabase _database;
    private readonly TimeProvider _time;

    public CommandScopeStore(SeedreamDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>The recorded scopes, or null when none were recorded for this application (a first start).</summary>
    public IReadOnlySet<CommandScope>? Get(ulong applicationId) => _database.Read(db =>
    {
        var document = db.GetCollection(CollectionName).FindById(Key(applicationId));
        if (document is null)
        {
            return null;
        }

        var scopes = new HashSet<CommandScope>();
        if (document["global"].AsBoolean)
        {
            scopes.Add(CommandScope.Global);
        }

        foreach (var guild in document["guilds"].AsArray)
        {
            scopes.Add(CommandScope.Guild(unchecked((ulong)guild.AsInt64)));
        }

        return (IReadOnlySet<CommandScope>)scopes;
    });

    public void Save(ulong applicationId, IEnumerable<CommandScope> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var list = scopes.ToList();
        var document = new BsonDocument
        {
            ["_id"] = Key(applicationId),
            ["global"] = list.Any(scope => scope.IsGlobal),
            ["guilds"] = new BsonArray(list.Where(scope => !scope.IsGlobal)
                .Select(scope => new BsonValue(unchecked((long)scope.GuildId!.Value)))),
            ["at"] = _time.GetUtcNow().UtcDateTime,
        };
        _database.Write(db => db.GetCollection(CollectionName).Upsert(document));
    }

    private static BsonValue Key(ulong applicationId) => new(unchecked((long)applicationId));
}
