using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Bot.Generation;

/// <summary>Keeps <see cref="PendingEdit"/>s in LiteDB (collection <c>pending_edits</c>) for a day.</summary>
public sealed class PendingEditStore
{
    private const string CollectionName = "pending_edits";
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    private readonly SeedreamDatabase _database;
    private readonly TimeProvider _time;

    public PendingEditStore(SeedreamDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public PendingEdit Create(ulong userId, ulong guildId, IReadOnlyList<GenerationInput> inputs, bool truncated)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var now = _time.GetUtcNow();
        var pending = new PendingEdit
        {
            Id = GenerationIds.New(),
            UserId = userId,
            GuildId = guildId,
            ImageUrls = [.. inputs.Select(input => input.Url)],
            Inputs = [.. inputs.Select(input => input.Copy())],
            Truncated = truncated,
            CreatedAt = now,
        };
        var expired = now - KeepFor;
        _database.Write(db =>
        {
            var edits = db.GetCollection<PendingEdit>(CollectionName);
            edits.DeleteMany(edit => edit.CreatedAt < expired);
            edits.Insert(pending);
        });
        return pending;
    }

    public PendingEdit? Find(string id) =>
        GenerationIds.IsValid(id)
            ? _database.Read(db => db.GetCollection<PendingEdit>(CollectionName).FindById(id))
            : null;
}
