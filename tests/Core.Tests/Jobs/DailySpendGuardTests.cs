using NSubstitute;
using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Tests.Jobs;

/// <summary>The daily Apiframe budget's bookkeeping: what a reservation adds, and how long a read of the store is trusted.</summary>
public sealed class DailySpendGuardTests : IDisposable
{
    private readonly GenerationPipeline _pipeline = new(new() { ["Apiframe:DailyCreditBudget"] = "100" });

    private DailySpendGuard Guard => _pipeline.Get<DailySpendGuard>();

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public void A_fresh_read_already_includes_the_generation_being_reserved()
    {
        // Saved before the reservation, as GenerationService does; nothing has been read yet.
        var generation = _pipeline.Service.Record(Command(1));
        generation.State = GenerationState.Queued;
        _pipeline.Store.Save(generation);

        Guard.Reserve();

        Assert.Equal(4, Guard.SpentToday);
    }

    [Fact]
    public void A_reservation_inside_the_cache_window_is_counted_at_once()
    {
        Assert.True(Guard.AllowsNewGeneration()); // reads 0 now
        var generation = _pipeline.Service.Record(Command(1));
        generation.State = GenerationState.Queued;
        _pipeline.Store.Save(generation);

        Guard.Reserve();

        Assert.Equal(4, Guard.SpentToday);
    }

    [Fact]
    public async Task Today_s_spend_is_read_again_exactly_when_the_two_second_cache_runs_out()
    {
        _pipeline.Seedream.SubmitAsync(Arg.Any<GenerationRequest>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(ApiframeResult<SubmittedJob>.Fail(new ApiframeFailure(ApiframeFailureKind.InvalidRequest, "refused")));
        var generation = _pipeline.Start(1).Generation!; // read 0, then reserved: 4
        Assert.Equal(4, Guard.SpentToday);

        // Apiframe refuses it before any job exists: it costs nothing, which the store knows at once.
        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);
        Assert.Equal(0, _pipeline.Store.ApiframeCreditsSince(_pipeline.Time.GetUtcNow().Date, 4));

        _pipeline.Time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.Equal(4, Guard.SpentToday);
        _pipeline.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, Guard.SpentToday);
    }

    private static StartGenerationCommand Command(ulong user) =>
        new(GenerationOrigin.Imagine, GenerationPipeline.Member(user), GenerationPipeline.Request(),
            new DeliveryTarget { GuildId = GenerationPipeline.Guild, ChannelId = 1, InteractionToken = "token" });
}
