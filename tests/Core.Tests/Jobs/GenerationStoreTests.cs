using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Jobs;

namespace SeedreamBot.Core.Tests.Jobs;

/// <summary>The queries behind recovery, /history and the daily budget, on records written straight to the store.</summary>
public sealed class GenerationStoreTests : IDisposable
{
    private static readonly DateTimeOffset Midnight = new(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);

    private readonly GenerationPipeline _pipeline = new();

    private GenerationStore Store => _pipeline.Store;

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public void Unfinished_generations_come_back_oldest_first_and_finished_ones_not_at_all()
    {
        Insert("late", GenerationState.Submitted, Midnight.AddHours(3));
        Insert("done", GenerationState.Delivered, Midnight.AddHours(1));
        Insert("early", GenerationState.Queued, Midnight.AddHours(1));
        Insert("failed", GenerationState.Failed, Midnight);
        Insert("middle", GenerationState.Delivering, Midnight.AddHours(2));
        Insert("pending", GenerationState.Pending, Midnight.AddHours(4));

        Assert.Equal(["early", "middle", "late", "pending"], Store.Unfinished().Select(g => g.Id));
    }

    [Fact]
    public void A_member_s_generations_are_theirs_in_this_server_only_newest_first()
    {
        Insert("mine-1", GenerationState.Delivered, Midnight.AddMinutes(1), user: 1);
        Insert("mine-2", GenerationState.Failed, Midnight.AddMinutes(2), user: 1);
        Insert("mine-3", GenerationState.Queued, Midnight.AddMinutes(3), user: 1);
        Insert("other-user", GenerationState.Delivered, Midnight.AddMinutes(4), user: 2);
        Insert("other-server", GenerationState.Delivered, Midnight.AddMinutes(5), user: 1, guild: 999);
        var member = new CreditScope(GenerationPipeline.Guild, 1);

        Assert.Equal(3, Store.CountForMember(member));
        Assert.Equal(["mine-3", "mine-2", "mine-1"], Store.ForMember(member, 0, 10).Select(g => g.Id));
        Assert.Equal(["mine-2"], Store.ForMember(member, 1, 1).Select(g => g.Id));
        Assert.Equal(0, Store.CountForMember(new CreditScope(GenerationPipeline.Guild, 3)));
    }

    [Fact]
    public void Apiframe_spend_counts_from_the_first_instant_of_the_day_and_not_before()
    {
        Insert("at-midnight", GenerationState.Delivered, Midnight, cost: 5);
        Insert("yesterday", GenerationState.Delivered, Midnight.AddSeconds(-1), cost: 7);

        Assert.Equal(5, Store.ApiframeCreditsSince(Midnight, assumedCostPerJob: 4));
    }

    [Fact]
    public void Apiframe_spend_is_what_was_billed_else_what_a_running_job_is_expected_to_cost()
    {
        Insert("delivered", GenerationState.Delivered, Midnight, cost: 3, jobId: "j1");
        Insert("running", GenerationState.Submitted, Midnight, jobId: "j2");
        Insert("billed-failure", GenerationState.Failed, Midnight, cost: 6, jobId: "j3");
        Insert("refunded-failure", GenerationState.Failed, Midnight, cost: 0, jobId: "j4");
        Insert("refused-before-a-job", GenerationState.Failed, Midnight);
        Insert("cost-without-job", GenerationState.Failed, Midnight, cost: 9);
        Insert("never-started", GenerationState.Pending, Midnight);

        Assert.Equal(3 + 4 + 6, Store.ApiframeCreditsSince(Midnight, assumedCostPerJob: 4));
    }

    private void Insert(
        string id, GenerationState state, DateTimeOffset createdAt, ulong user = 1, ulong guild = GenerationPipeline.Guild,
        int? cost = null, string? jobId = null) =>
        Store.Insert(new GenerationRecord
        {
            Id = id,
            GuildId = guild,
            UserId = user,
            Prompt = "a cat",
            Cost = 4,
            State = state,
            CreatedAt = createdAt,
            ApiframeCreditCost = cost,
            JobId = jobId,
        });
}
