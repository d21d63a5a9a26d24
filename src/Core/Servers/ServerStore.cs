using LiteDB;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Servers;

/// <summary>
/// <see cref="IServerStore"/> over <see cref="SeedreamDatabase"/>: one document per server in <c>servers</c>, and the
/// operators' settings as the single document of <c>operator_settings</c>. The credit ledger reads a server's budget
/// inside its own transactions through <see cref="Load"/>.
/// </summary>
public sealed class ServerStore : IServerStore
{
    internal const string Collection = "servers";

    internal const string SettingsCollection = "operator_settings";

    private const string SettingsId = "operator";

    private const int MaxNameLength = 100;

    private readonly SeedreamDatabase _database;

    private readonly TimeProvider _time;

    public ServerStore(SeedreamDatabase database, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        _database = database;
        _time = time;
    }

    public ServerRecord? Get(ulong guildId) => _database.Read(db => Load(db, guildId));

    public IReadOnlyList<ServerRecord> All() =>
        _database.Read(db => ServersIn(db).FindAll()
            .Select(FromDocument)
            .OrderBy(record => record.State == ServerState.Pending ? 0 : 1)
            .ThenByDescending(record => record.UpdatedAt)
            .ThenBy(record => record.GuildId)
            .ToList());

    public AdmissionRequest RequestAdmission(ulong guildId, string? name, ulong userId)
    {
        ArgumentOutOfRangeException.ThrowIfZero(guildId);
        var shortName = Shorten(name);
        return _database.Write(db =>
        {
            var existing = Load(db, guildId);
            if (existing is not null)
            {
                if (shortName is not null && existing.Name != shortName)
                {
                    existing = existing with { Name = shortName };
                    Save(db, existing);
                }

                return new AdmissionRequest(existing, IsNew: false);
            }

            var now = _time.GetUtcNow();
            var created = new ServerRecord(guildId, ServerState.Pending, shortName, now, userId, null, null, null, now);
            Save(db, created);
            return new AdmissionRequest(created, IsNew: true);
        });
    }

    public ServerDecision Approve(ulong guildId, ulong operatorId, int? budget = null)
    {
        CheckBudget(budget);
        return Change(guildId, (record, now) => record with
        {
            State = ServerState.Approved,
            DecidedAt = record.State == ServerState.Approved && record.IsDecided ? record.DecidedAt : now,
            DecidedBy = record.State == ServerState.Approved && record.IsDecided ? record.DecidedBy : operatorId,
            BudgetOverride = budget ?? record.BudgetOverride,
        });
    }

    public ServerDecision Decline(ulong guildId, ulong operatorId) =>
        Change(guildId, (record, now) => record.State == ServerState.Declined
            ? record
            : record with { State = ServerState.Declined, DecidedAt = now, DecidedBy = operatorId });

    public ServerDecision SetBudget(ulong guildId, ulong operatorId, int? budget)
    {
        CheckBudget(budget);

        // A server admitted by configuration or policy gets a record just to hold its budget; that is no decision.
        return Change(guildId, (record, _) => record with { BudgetOverride = budget }, createAs: ServerState.Approved);
    }

    public void RememberName(ulong guildId, string name)
    {
        var shortName = Shorten(name);
        if (shortName is null || Get(guildId) is not { } record || record.Name == shortName)
        {
            return;
        }

        _database.Write(db =>
        {
            if (Load(db, guildId) is { } current && current.Name != shortName)
            {
                Save(db, current with { Name = shortName });
            }
        });
    }

    public OperatorSettings GetOperatorSettings() => _database.Read(LoadSettings);

    public OperatorSettings SetAlertChannel(ulong? channelId, ulong operatorId, string? locale = null) =>
        _database.Write(db =>
        {
            var settings = new OperatorSettings(channelId, string.IsNullOrWhiteSpace(locale) ? null : locale, operatorId, _time.GetUtcNow());
            SettingsIn(db).Upsert(new BsonDocument
            {
                ["_id"] = SettingsId,
                ["ac"] = Bson.FromNullableUlong(settings.AlertChannelId),
                ["lo"] = Bson.FromNullableString(settings.Locale),
                ["ub"] = Bson.FromNullableUlong(settings.UpdatedBy),
                ["ua"] = Bson.Time(settings.UpdatedAt!.Value),
            });
            return settings;
        });

    internal static ILiteCollection<BsonDocument> ServersIn(LiteDatabase db) => db.GetCollection(Collection);

    internal static void EnsureIndexes(LiteDatabase db)
    {
        // Servers are looked up by _id (the guild id); the operators' list reads them all. The settings collection
        // is created so that tools listing collections see it.
        ServersIn(db).EnsureIndex("st");
        SettingsIn(db);
    }

    /// <summary>The record inside a transaction (the ledger reads budgets this way), or null.</summary>
    internal static ServerRecord? Load(LiteDatabase db, ulong guildId) =>
        guildId == 0 ? null : DocumentLookup.FindById(ServersIn(db), Bson.Id(guildId)) is { } doc ? FromDocument(doc) : null;

    private static ILiteCollection<BsonDocument> SettingsIn(LiteDatabase db) => db.GetCollection(SettingsCollection);

    private static OperatorSettings LoadSettings(LiteDatabase db) =>
        DocumentLookup.FindById(SettingsIn(db), SettingsId) is { } doc
            ? new OperatorSettings(
                Bson.ToNullableUlong(doc["ac"]),
                Bson.ToNullableString(doc["lo"]),
                Bson.ToNullableUlong(doc["ub"]),
                doc["ua"].IsDateTime ? Bson.ToOffset(doc["ua"]) : null)
            : OperatorSettings.Empty;

    private ServerDecision Change(ulong guildId, Func<ServerRecord, DateTimeOffset, ServerRecord> change, ServerState createAs = ServerState.Pending)
    {
        ArgumentOutOfRangeException.ThrowIfZero(guildId);
        return _database.Write(db =>
        {
            var now = _time.GetUtcNow();
            var before = Load(db, guildId);
            var start = before ?? new ServerRecord(guildId, createAs, null, null, null, null, null, null, now);
            var after = change(start, now);
            if (before is not null && after == before)
            {
                return new ServerDecision(false, before, before);
            }

            after = after with { UpdatedAt = now };
            Save(db, after);
            return new ServerDecision(true, before, after);
        });
    }

    private static void CheckBudget(int? budget)
    {
        if (budget is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(budget));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, OperatorOptions.MaxBudget, nameof(budget));
        }
    }

    private static string? Shorten(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length <= MaxNameLength ? trimmed : trimmed[..MaxNameLength];
    }

    private static void Save(LiteDatabase db, ServerRecord record) => ServersIn(db).Upsert(new BsonDocument
    {
        ["_id"] = Bson.Id(record.GuildId),
        ["st"] = record.State.ToString(),
        ["n"] = Bson.FromNullableString(record.Name),
        ["ra"] = record.RequestedAt is { } requested ? Bson.Time(requested) : BsonValue.Null,
        ["rb"] = Bson.FromNullableUlong(record.RequestedBy),
        ["da"] = record.DecidedAt is { } decided ? Bson.Time(decided) : BsonValue.Null,
        ["db"] = Bson.FromNullableUlong(record.DecidedBy),
        ["bo"] = record.BudgetOverride is { } budget ? budget : BsonValue.Null,
        ["ua"] = Bson.Time(record.UpdatedAt),
    });

    private static ServerRecord FromDocument(BsonDocument doc) => new(
        Bson.ToUlong(doc["_id"]),
        Enum.TryParse<ServerState>(doc["st"].AsString, out var state)
            ? state
            : throw new InvalidDataException($"Server {doc["_id"]} has an unknown state '{doc["st"]}'."),
        Bson.ToNullableString(doc["n"]),
        doc["ra"].IsDateTime ? Bson.ToOffset(doc["ra"]) : null,
        Bson.ToNullableUlong(doc["rb"]),
        doc["da"].IsDateTime ? Bson.ToOffset(doc["da"]) : null,
        Bson.ToNullableUlong(doc["db"]),
        doc["bo"].IsNull ? null : doc["bo"].AsInt32,
        Bson.ToOffset(doc["ua"]));
}
