using System.Collections.Concurrent;
using LiteDB;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Guilds;

/// <summary>Guild settings in the <c>guild_settings</c> collection, one document per guild.</summary>
public sealed class GuildSettingsStore : IGuildSettingsStore
{
    internal const string CollectionName = "guild_settings";

    private readonly SeedreamDatabase _database;

    private readonly TimeProvider _time;

    // Compiled matchers per guild; replaced whenever that guild's list changes through this store.
    private readonly ConcurrentDictionary<ulong, PromptBanList> _banLists = new();

    public GuildSettingsStore(SeedreamDatabase database, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        _database = database;
        _time = time;
    }

    public GuildSettings Get(ulong guildId) => _database.Read(db => Load(db, guildId));

    public GuildSettings SetLogChannel(ulong guildId, ulong? channelId) =>
        Update(guildId, settings => settings with { LogChannelId = channelId });

    public GuildSettings SetDefaultAllowance(ulong guildId, int? allowance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(allowance ?? 0, nameof(allowance));
        return Update(guildId, settings => settings with { DefaultAllowance = allowance });
    }

    public GuildSettings SetRefillPeriod(ulong guildId, RefillPeriod? period)
    {
        if (period is { } value && !Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown refill period.");
        }

        return Update(guildId, settings => settings with { RefillPeriod = period });
    }

    public GuildSettings SetRoleAllowance(ulong guildId, ulong roleId, int? allowance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(allowance ?? 0, nameof(allowance));
        return Update(guildId, settings => WithRoleAllowance(settings, roleId, allowance));
    }

    public BanListResult AddBannedTerm(ulong guildId, string term)
    {
        var normalized = PromptBanList.Normalize(term);
        if (PromptBanList.Problem(normalized) is { } problem)
        {
            return new BanListResult(BanListOutcome.Invalid, normalized, problem, GetBannedTerms(guildId));
        }

        var result = _database.Write(db =>
        {
            var settings = Load(db, guildId);
            if (settings.BannedTerms.Contains(normalized, StringComparer.OrdinalIgnoreCase))
            {
                return new BanListResult(BanListOutcome.AlreadyPresent, normalized,
                    $"\"{normalized}\" is already on the ban list.", settings.BannedTerms);
            }

            if (settings.BannedTerms.Count >= PromptBanList.MaxTerms)
            {
                return new BanListResult(BanListOutcome.Full, normalized,
                    $"The ban list is full ({PromptBanList.MaxTerms} terms). Remove a term first.", settings.BannedTerms);
            }

            var updated = settings with { BannedTerms = [.. settings.BannedTerms, normalized], UpdatedAt = _time.GetUtcNow() };
            Save(db, updated);
            return new BanListResult(BanListOutcome.Added, normalized,
                $"Prompts containing \"{normalized}\" are now refused.", updated.BannedTerms);
        });
        _banLists.TryRemove(guildId, out _);
        return result;
    }

    public BanListResult RemoveBannedTerm(ulong guildId, string term)
    {
        var normalized = PromptBanList.Normalize(term);
        var result = _database.Write(db =>
        {
            var settings = Load(db, guildId);
            var existing = settings.BannedTerms.FirstOrDefault(t => string.Equals(t, normalized, StringComparison.OrdinalIgnoreCase));
            if (existing is null)
            {
                return new BanListResult(BanListOutcome.NotFound, normalized,
                    $"\"{normalized}\" is not on the ban list.", settings.BannedTerms);
            }

            var updated = settings with
            {
                BannedTerms = settings.BannedTerms.Where(t => !ReferenceEquals(t, existing)).ToArray(),
                UpdatedAt = _time.GetUtcNow(),
            };
            Save(db, updated);
            return new BanListResult(BanListOutcome.Removed, existing,
                $"\"{existing}\" is no longer banned.", updated.BannedTerms);
        });
        _banLists.TryRemove(guildId, out _);
        return result;
    }

    public IReadOnlyList<string> GetBannedTerms(ulong guildId) => Get(guildId).BannedTerms;

    public string? FindBannedTerm(ulong guildId, string prompt)
    {
        var list = _banLists.GetOrAdd(guildId, id => new PromptBanList(GetBannedTerms(id)));
        return list.FindBannedTerm(prompt);
    }

    public IReadOnlyList<GuildSettings> WithLogChannel() =>
        _database.Read(db => db.GetCollection(CollectionName)
            .Find(Query.Not("lc", BsonValue.Null))
            .Select(doc => Load(db, Bson.ToUlong(doc["_id"])))
            .Where(settings => settings.LogChannelId is not null)
            .ToList());

    internal static void EnsureIndexes(LiteDatabase db)
    {
        // Looked up by _id only; creating the collection makes it visible to tools that list collections.
        db.GetCollection(CollectionName);
    }

    internal static GuildSettings Load(LiteDatabase db, ulong guildId)
    {
        if (guildId == 0)
        {
            return GuildSettings.Empty(0);
        }

        var doc = DocumentLookup.FindById(db.GetCollection(CollectionName), Bson.Id(guildId));
        if (doc is null)
        {
            return GuildSettings.Empty(guildId);
        }

        var roles = new Dictionary<ulong, int>();
        if (doc["ra"].IsArray)
        {
            foreach (var item in doc["ra"].AsArray)
            {
                roles[Bson.ToUlong(item["r"])] = item["a"].AsInt32;
            }
        }

        return new GuildSettings(
            guildId,
            Bson.ToNullableUlong(doc["lc"]),
            doc["da"].IsNull ? null : doc["da"].AsInt32,
            doc["rp"].IsString && Enum.TryParse<RefillPeriod>(doc["rp"].AsString, out var period) ? period : null,
            roles,
            doc["bt"].IsArray ? doc["bt"].AsArray.Select(term => term.AsString).ToArray() : [],
            doc["ua"].IsDateTime ? Bson.ToOffset(doc["ua"]) : null);
    }

    internal static void Save(LiteDatabase db, GuildSettings settings)
    {
        if (settings.GuildId == 0)
        {
            throw new InvalidOperationException("Direct messages have no guild settings.");
        }

        var roles = new BsonArray(settings.RoleAllowances
            .OrderBy(pair => pair.Key)
            .Select(pair => new BsonDocument { ["r"] = Bson.Id(pair.Key), ["a"] = pair.Value }));
        db.GetCollection(CollectionName).Upsert(new BsonDocument
        {
            ["_id"] = Bson.Id(settings.GuildId),
            ["lc"] = Bson.FromNullableUlong(settings.LogChannelId),
            ["da"] = settings.DefaultAllowance is { } allowance ? allowance : BsonValue.Null,
            ["rp"] = settings.RefillPeriod?.ToString() ?? BsonValue.Null,
            ["ra"] = roles,
            ["bt"] = new BsonArray(settings.BannedTerms.Select(term => new BsonValue(term))),
            ["ua"] = settings.UpdatedAt is { } at ? at.UtcDateTime : BsonValue.Null,
        });
    }

    internal static GuildSettings WithRoleAllowance(GuildSettings settings, ulong roleId, int? allowance)
    {
        var roles = new Dictionary<ulong, int>(settings.RoleAllowances);
        if (allowance is { } value)
        {
            roles[roleId] = value;
        }
        else
        {
            roles.Remove(roleId);
        }

        return settings with { RoleAllowances = roles };
    }

    private GuildSettings Update(ulong guildId, Func<GuildSettings, GuildSettings> change) =>
        _database.Write(db =>
        {
            var updated = change(Load(db, guildId)) with { UpdatedAt = _time.GetUtcNow() };
            Save(db, updated);
            return updated;
        });
}
