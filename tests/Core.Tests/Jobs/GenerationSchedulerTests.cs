using NSubstitute;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Tests.Jobs;

/// <summary>
/// The scheduler's loop (Apiframe:MaxConcurrentJobs is 2 in the pipeline): slots are never exceeded, a finished job
/// frees its slot for the next in line, and a generation that breaks unexpectedly is ended with its credits back.
/// Every wait is for an event the test observes, bounded so that a broken scheduler fails instead of hanging.
/// </summary>
public sealed class GenerationSchedulerTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly GenerationPipeline _pipeline = new();
    private readonly CancellationTokenSource _stopping = new();

    private GenerationScheduler Scheduler => _pipeline.Get<GenerationScheduler>();

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _pipeline.Dispose();
    }

    [Fact]
    public async Task No_more_jobs_run_at_once_than_Apiframe_slots()
    {
        var submitted = 0;
        var twoSubmitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pipeline.Seedream.SubmitAsync(Arg.Any<GenerationRequest>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(async call =>
            {
                if (Interlocked.Increment(ref submitted) == 2)
                {
                    twoSubmitted.TrySetResult();
                }

                await Task.Delay(Timeout.Infinite, call.Arg<CancellationToken>());
                return ApiframeResult<SubmittedJob>.Fail(new ApiframeFailure(ApiframeFailureKind.Unavailable, "never"));
            });
        _pipeline.Start(1);
        _pipeline.Start(2);
        _pipeline.Start(3);

        var running = Scheduler.RunAsync(_stopping.Token);
        await twoSubmitted.Task.WaitAsync(Bound);

        // Both slots were filled in one pass of the loop, before either job reached Apiframe.
        Assert.Equal((2, 1), (Scheduler.Running, Scheduler.Waiting));
        Assert.Equal(3, Scheduler.Unfinished);
        await StopAsync(running);
        Assert.Equal(2, Volatile.Read(ref submitted));
    }

    [Fact]
    public async Task A_finished_job_frees_its_slot_and_its_member_s_turn_for_the_next_in_line()
    {
        using var one = new GenerationPipeline(new() { ["Apiframe:MaxConcurrentJobs"] = "1", ["Generation:MaxJobsPerUser"] = "1" });
        one.ApiframeSucceeds();
        var delivered = 0;
        var allDelivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        one.Presenter.DeliverAsync(Arg.Any<GenerationRecord>(), Arg.Any<GenerationResult>(), Arg.Any<CancellationToken>())
            .Returns(_ =>
            {
                if (Interlocked.Increment(ref delivered) == 3)
                {
                    allDelivered.TrySetResult();
                }

                return new DeliveryReceipt(1, 2);
            });
        var scheduler = one.Get<GenerationScheduler>();

        // One member's three generations: each can only start once the one before has ended and freed both the
        // server-wide slot and the member's own.
        var ids = new[] { one.Start(1).Generation!.Id, one.Start(1, "a dog").Generation!.Id, one.Start(1, "a fox").Generation!.Id };
        var running = scheduler.RunAsync(_stopping.Token);
        await allDelivered.Task.WaitAsync(Bound);
        await StopAsync(running); // waits for the last one to finish recording its delivery

        Assert.All(ids, id => Assert.Equal(GenerationState.Delivered, one.Store.Find(id)!.State));
        Assert.Equal(0, scheduler.Unfinished);
    }

    [Fact]
    public async Task A_generation_that_breaks_unexpectedly_is_ended_with_an_explanation_and_its_credits_back()
    {
        _pipeline.Seedream.SubmitAsync(Arg.Any<GenerationRequest>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns<Task<ApiframeResult<SubmittedJob>>>(_ => throw new InvalidOperationException("a bug"));
        var explained = new TaskCompletionSource<GenerationFailure>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pipeline.Presenter.ShowFailureAsync(Arg.Any<GenerationRecord>(), Arg.Any<GenerationFailure>(), Arg.Any<CreditBalance?>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                explained.TrySetResult(call.Arg<GenerationFailure>());
                return Task.CompletedTask;
            });
        var generation = _pipeline.Start(1).Generation!;

        var running = Scheduler.RunAsync(_stopping.Token);
        var failure = await explained.Task.WaitAsync(Bound);

        Assert.Equal(GenerationFailureKind.Internal, failure.Kind);
        Assert.Equal(GenerationState.Failed, _pipeline.Store.Find(generation.Id)!.State);
        var balance = _pipeline.Ledger.GetBalance(GenerationPipeline.Member(1));
        Assert.Equal((0, 40), (balance.Held, balance.Available));
        await StopAsync(running);
    }

    private async Task StopAsync(Task running)
    {
        Assert.False(running.IsCompleted);
        await _stopping.CancelAsync();
        await running.WaitAsync(Bound);
    }
}
