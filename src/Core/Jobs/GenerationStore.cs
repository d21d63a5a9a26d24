using LiteDB;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Jobs;

/// <summary>Persists <see cref="GenerationRecord"/>s in the bot's LiteDB file (collection <c>generations</c>).</summary>
public sealed class GenerationStore
{
    private const string CollectionName = "generations";

    private readonly SeedreamDatabase _database;

    public GenerationStore(SeedreamDatabase database)
    {
        _database = database;
        _database.Write(db =>
        {
            var generations = db.GetCollection<GenerationRecord>(CollectionName);
            generations.EnsureIndex(g => g.State);
            generations.EnsureIndex(g => g.UserId);
            generations.EnsureIndex(g => g.CreatedAt);
        });
    }

    public void Insert(GenerationRecord generation) =>
        _database.Write(db => db.GetCollection<GenerationRecord>(CollectionName).Insert(generation));

    /// <summary>Writes the record as it is now (one state step at a time; the caller owns the record).</summary>
    public void Save(GenerationRecord generation) =>
        _database.Write(db => db.GetCollection<GenerationRecord>(CollectionName).Update(generation));

    /// <summary>Removes a request that never started (refused, or Discord never saw its answer).</summary>
    public void Delete(string id) =>
        _database.Write(db => db.GetCollection<GenerationRecord>(CollectionName).Delete(id));

    public GenerationRecord? Find(string id) =>
        _database.Read(db => db.GetCollection<GenerationRecord>(CollectionName).FindById(id));

    /// <summary>Generations that are neither delivered nor failed, oldest first: what a restart must finish or end.</summary>
    public IReadOnlyList<GenerationRecord> Unfinished() =>
        _database.Read(db => db.GetCollection<GenerationRecord>(CollectionName)
            .Query()
            .Where(g => g.State == GenerationState.Queued || g.State == GenerationState.Submitted
                || g.State == GenerationState.Pending || g.State == GenerationState.Delivering)
            .OrderBy(g => g.CreatedAt)
            .ToList());

    /// <summary>One member's generations, newest first.</summary>
    public IReadOnlyList<GenerationRecord> ForMember(CreditScope member, int skip, int take) =>
        _database.Read(db => db.GetCollection<GenerationRecord>(CollectionName)
            .Query()
            .Where(g => g.UserId == member.UserId && g.GuildId == member.GuildId)
            .OrderByDescending(g => g.CreatedAt)
            .Skip(skip)
            .Limit(take)
            .ToList());

    public int CountForMember(CreditScope member) =>
        _database.Read(db => db.GetCollection<GenerationRecord>(CollectionName)
            .Count(g => g.UserId == member.UserId && g.GuildId == member.GuildId));

    /// <summary>
    /// Apiframe credits spent since <paramref name="since"/>: what Apiframe billed for delivered generations, for
    /// failed ones that reached a job with a non-zero cost (a result that expired or could not be posted is billed
    /// all the same), and what running ones are expected to cost. Requests not yet started cost nothing.
    /// </summary>
    public long ApiframeCreditsSince(DateTimeOffset since, int assumedCostPerJob) =>
        _database.Read(db => db.GetCollection<GenerationRecord>(CollectionName)
            .Query()
            .Where(g => g.CreatedAt >= since && g.State != GenerationState.Pending)
            .ToEnumerable()
            .Sum(g => BilledOrExpected(g, assumedCostPerJob)));

    private static long BilledOrExpected(GenerationRecord generation, int assumedCostPerJob) => generation.State switch
    {
        GenerationState.Failed => generation.JobId is not null && generation.ApiframeCreditCost is > 0 ? generation.ApiframeCreditCost.Value : 0,
        _ => generation.ApiframeCreditCost ?? assumedCostPerJob,
    };
}
