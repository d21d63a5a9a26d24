using LiteDB;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Tests.Jobs;

/// <summary>
/// Every failure ends right: a slow Discord never fails a job, an unclear upload is decided by asking, a restart
/// neither loses nor repeats, a generation that keeps crashing the bot is given up with a refund, and what Apiframe
/// billed counts against the budget.
/// </summary>
public sealed class GenerationFailurePathTests : IDisposable
{
    private readonly GenerationPipeline _pipeline = new();

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public async Task A_progress_edit_that_times_out_does_not_fail_the_job()
    {
        _pipeline.ApiframeSucceeds();
        var edits = 0;
        var twoEdits = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pipeline.Presenter.ShowProgressAsync(Arg.Any<GenerationRecord>(), Arg.Any<JobProgress>(), Arg.Any<CancellationToken>())
            .Returns(_ =>
            {
                if (Interlocked.Increment(ref edits) >= 2)
                {
                    twoEdits.TrySetResult();
                }

                // HttpClient's timeout: a TaskCanceledException although nobody cancelled anything.
                return Task.FromException(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 1 seconds elapsing."));
            });
        _pipeline.Seedream.WaitForCompletionAsync("job-1", Arg.Any<IProgress<JobProgress>?>(), Arg.Any<CancellationToken>())
            .Returns(async call =>
            {
                // Polling reports a status; the throttled edit of it times out too.
                call.Arg<IProgress<JobProgress>?>()!.Report(new JobProgress(JobStatus.Processing, 50));
                await WaitUntilAsync(
                    () =>
                    {
                        _pipeline.Time.Advance(TimeSpan.FromMilliseconds(50));
                        return twoEdits.Task.IsCompleted;
                    },
                    "the throttled progress edit");
                return ApiframeResult<CompletedJob>.Success(new CompletedJob("job-1", [new Uri("https://cdn.example/job-1.png")], 4));
            });
        var generation = _pipeline.Start(1).Generation!;

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(GenerationState.Delivered, _pipeline.Store.Find(generation.Id)!.State);
        Assert.Equal((0, 36), Balance(1));
        Assert.True(edits >= 2, $"{edits} progress edits were tried");
        await _pipeline.Presenter.Received(1).DeliverAsync(Arg.Any<GenerationRecord>(), Arg.Any<GenerationResult>(), Arg.Any<CancellationToken>());
        await _pipeline.Presenter.DidNotReceive().ShowFailureAsync(
            Arg.Any<GenerationRecord>(), Arg.Any<GenerationFailure>(), Arg.Any<CreditBalance?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_failure_message_that_times_out_still_ends_the_generation_once_with_the_credits_back()
    {
        _pipeline.ApiframeSucceeds();
        _pipeline.Seedream.WaitForCompletionAsync("job-1", Arg.Any<IProgress<JobProgress>?>(), Arg.Any<CancellationToken>())
            .Returns(ApiframeResult<CompletedJob>.Fail(new ApiframeFailure(ApiframeFailureKind.JobFailed, "nope")));
        _pipeline.Presenter.ShowFailureAsync(Arg.Any<GenerationRecord>(), Arg.Any<GenerationFailure>(), Arg.Any<CreditBalance?>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new TaskCanceledException("HttpClient.Timeout"));
        var generation = _pipeline.Start(1).Generation!;

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(GenerationState.Failed, _pipeline.Store.Find(generation.Id)!.State);
        Assert.Equal((0, 40), Balance(1));
        await _pipeline.Presenter.Received(1).ShowFailureAsync(
            Arg.Any<GenerationRecord>(), Arg.Any<GenerationFailure>(), Arg.Any<CreditBalance?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task An_upload_that_fails_unclearly_but_reached_Discord_is_settled_without_posting_again()
    {
        _pipeline.ApiframeSucceeds();
        _pipeline.Presenter.DeliverAsync(Arg.Any<GenerationRecord>(), Arg.Any<GenerationResult>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new TaskCanceledException("HttpClient.Timeout"));
        _pipeline.Presenter.FindDeliveredAsync(Arg.Any<GenerationRecord>(), Arg.Any<CancellationToken>())
            .Returns(new DeliveryReceipt(1, 77));
        var generation = _pipeline.Start(1).Generation!;

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        var saved = _pipeline.Store.Find(generation.Id)!;
        Assert.Equal((GenerationState.Delivered, (ulong?)77), (saved.State, saved.ResultMessageId));
        Assert.Equal((0, 36), Balance(1));
        await _pipeline.Presenter.Received(1).DeliverAsync(Arg.Any<GenerationRecord>(), Arg.Any<GenerationResult>(), Arg.Any<CancellationToken>());
        await _pipeline.Presenter.DidNotReceive().ShowFailureAsync(
            Arg.Any<GenerationRecord>(), Arg.Any<GenerationFailure>(), Arg.Any<CreditBalance?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task An_upload_that_fails_unclearly_and_did_not_reach_Discord_is_released_and_explained()
    {
        _pipeline.ApiframeSucceeds();
        _pipeline.Presenter.DeliverAsync(Arg.Any<GenerationRecord>(), Arg.Any<GenerationResult>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new HttpRequestException("connection reset"));
        _pipeline.Presenter.FindDeliveredAsync(Arg.Any<GenerationRecord>(), Arg.Any<CancellationToken>())
            .Returns((DeliveryReceipt?)null);
        var generation = _pipeline.Start(1).Generation!;

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(GenerationState.Failed, _pipeline.Store.Find(generation.Id)!.State);
        Assert.Equal((0, 40), Balance(1));
        await _pipeline.Presenter.Received(1).FindDeliveredAsync(Arg.Any<GenerationRecord>(), Arg.Any<CancellationToken>());
        await _pipeline.Presenter.Received(1).ShowFailureAsync(
            Arg.Any<GenerationRecord>(), Arg.Is<GenerationFailure>(f => f.Kind == GenerationFailureKind.DeliveryFailed),
            Arg.Any<CreditBalance?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_upload_is_marked_as_in_progress_before_it_is_sent()
    {
        _pipeline.ApiframeSucceeds();
        GenerationState? stored = null;
        _pipeline.Presenter.DeliverAsync(Arg.Any<GenerationRecord>(), Arg.Any<GenerationResult>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                stored = _pipeline.Store.Find(call.Arg<GenerationRecord>().Id)!.State;
                return new DeliveryReceipt(1, 2);
            });
        var generation = _pipeline.Start(1).Generation!;

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(GenerationState.Delivering, stored);
    }

    [Fact]
    public async Task A_restart_while_posting_asks_Discord_first_and_settles_an_image_that_is_there()
    {
        _pipeline.ApiframeSucceeds();
        var generation = Interrupted(GenerationState.Delivering);
        _pipeline.Presenter.FindDeliveredAsync(Arg.Any<GenerationRecord>(), Arg.Any<CancellationToken>())
            .Returns(new DeliveryReceipt(1, 99));

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(GenerationState.Delivered, _pipeline.Store.Find(generation.Id)!.State);
        Assert.Equal((0, 36), Balance(1));
        await _pipeline.Presenter.DidNotReceive().DeliverAsync(Arg.Any<GenerationRecord>(), Arg.Any<GenerationResult>(), Arg.Any<CancellationToken>());
        await _pipeline.Seedream.DidNotReceive().WaitForCompletionAsync(Arg.Any<string>(), Arg.Any<IProgress<JobProgress>?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_restart_while_posting_posts_once_when_the_image_is_not_there()
    {
        _pipeline.ApiframeSucceeds();
        var generation = Interrupted(GenerationState.Delivering);
        _pipeline.Presenter.FindDeliveredAsync(Arg.Any<GenerationRecord>(), Arg.Any<CancellationToken>())
            .Returns((DeliveryReceipt?)null);

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(GenerationState.Delivered, _pipeline.Store.Find(generation.Id)!.State);
        Assert.Equal((0, 36), Balance(1));
        await _pipeline.Presenter.Received(1).DeliverAsync(Arg.Any<GenerationRecord>(), Arg.Any<GenerationResult>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_request_answered_but_not_started_before_a_restart_is_ended_with_its_hold_released()
    {
        _pipeline.ApiframeSucceeds();
        var intent = _pipeline.Service.Record(Command(1));

        // The crash came after the hold, before the request was marked queued.
        _pipeline.Ledger.TryHold(GenerationPipeline.Member(1), intent.Id, intent.Cost);
        Assert.Contains(_pipeline.Store.Unfinished(), g => g.Id == intent.Id);

        await _pipeline.Processor.ProcessAsync(_pipeline.Store.Find(intent.Id)!, CancellationToken.None);

        Assert.Equal(GenerationState.Failed, _pipeline.Store.Find(intent.Id)!.State);
        Assert.Equal((0, 40), Balance(1));
        await _pipeline.Presenter.Received(1).ShowFailureAsync(
            Arg.Is<GenerationRecord>(g => g.Id == intent.Id),
            Arg.Is<GenerationFailure>(f => f.Kind == GenerationFailureKind.Restarted),
            Arg.Is<CreditBalance?>(b => b!.Available == 40),
            Arg.Any<CancellationToken>());
        await _pipeline.Seedream.DidNotReceive().SubmitAsync(Arg.Any<GenerationRequest>(), Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public void A_recorded_request_holds_nothing_until_started_and_a_refused_one_leaves_no_trace()
    {
        var intent = _pipeline.Service.Record(Command(1));
        Assert.Equal(GenerationState.Pending, _pipeline.Store.Find(intent.Id)!.State);
        Assert.Equal((0, 40), Balance(1));

        Assert.True(_pipeline.Service.Start(intent).Started);
        Assert.Equal(GenerationState.Queued, _pipeline.Store.Find(intent.Id)!.State);
        Assert.Equal((4, 36), Balance(1));

        _pipeline.PromptScreen.FindBannedTerm(GenerationPipeline.Guild, "a banned thing").Returns("banned");
        var refused = _pipeline.Service.Record(Command(2, "a banned thing"));
        Assert.False(_pipeline.Service.Start(refused).Started);
        Assert.Null(_pipeline.Store.Find(refused.Id));
        Assert.Equal((0, 40), Balance(2));
    }

    [Theory]
    [InlineData(GenerationState.Queued)]
    [InlineData(GenerationState.Submitted)]
    [InlineData(GenerationState.Delivering)]
    public async Task A_generation_started_MaxAttempts_times_is_failed_with_its_credits_back(GenerationState state)
    {
        _pipeline.ApiframeSucceeds();
        var generation = Interrupted(state, attempts: 3);

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(GenerationState.Failed, _pipeline.Store.Find(generation.Id)!.State);
        Assert.Equal((0, 40), Balance(1));
        await _pipeline.Presenter.Received(1).ShowFailureAsync(
            Arg.Any<GenerationRecord>(),
            Arg.Is<GenerationFailure>(f => f.Kind == GenerationFailureKind.TooManyAttempts && f.Attempts == 3),
            Arg.Any<CreditBalance?>(),
            Arg.Any<CancellationToken>());
        await _pipeline.Seedream.DidNotReceive().SubmitAsync(Arg.Any<GenerationRequest>(), Arg.Any<string>(), Arg.Any<CancellationToken>());
        await _pipeline.Seedream.DidNotReceive().WaitForCompletionAsync(Arg.Any<string>(), Arg.Any<IProgress<JobProgress>?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Below_MaxAttempts_an_interrupted_generation_runs_again_and_the_cap_is_configurable()
    {
        using var patient = new GenerationPipeline(new() { ["Generation:MaxAttempts"] = "5" });
        patient.ApiframeSucceeds();
        var generation = patient.Start(1).Generation!;
        generation.Attempts = 4;
        patient.Store.Save(generation);

        await patient.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(GenerationState.Delivered, patient.Store.Find(generation.Id)!.State);
        Assert.Equal(5, patient.Store.Find(generation.Id)!.Attempts);
    }

    [Fact]
    public async Task A_delivered_image_found_on_Discord_is_settled_even_past_the_attempts_cap()
    {
        _pipeline.ApiframeSucceeds();
        var generation = Interrupted(GenerationState.Delivering, attempts: 3);
        _pipeline.Presenter.FindDeliveredAsync(Arg.Any<GenerationRecord>(), Arg.Any<CancellationToken>())
            .Returns(new DeliveryReceipt(1, 5));

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(GenerationState.Delivered, _pipeline.Store.Find(generation.Id)!.State);
        Assert.Equal((0, 36), Balance(1));
    }

    [Fact]
    public async Task Failed_jobs_that_Apiframe_billed_count_against_the_daily_budget_and_refunded_ones_do_not()
    {
        using var budget = new GenerationPipeline(new() { ["Apiframe:DailyCreditBudget"] = "100" });
        budget.ApiframeSucceeds();
        var failures = new Queue<ApiframeFailure>(
        [
            new ApiframeFailure(ApiframeFailureKind.JobFailed, "provider error") { JobId = "job-1", CreditCost = 4 },
            new ApiframeFailure(ApiframeFailureKind.JobFailed, "content policy") { JobId = "job-1", CreditCost = 0 },
        ]);
        budget.Seedream.WaitForCompletionAsync("job-1", Arg.Any<IProgress<JobProgress>?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiframeResult<CompletedJob>.Fail(failures.Dequeue()));

        await budget.Processor.ProcessAsync(budget.Start(1).Generation!, CancellationToken.None);
        await budget.Processor.ProcessAsync(budget.Start(2).Generation!, CancellationToken.None);

        // A result that expired after Apiframe billed the job counts too.
        budget.ApiframeSucceeds();
        budget.Seedream.DownloadAsync(Arg.Any<Uri>(), Arg.Any<long>(), Arg.Any<CancellationToken>())
            .Returns(ApiframeResult<DownloadedImage>.Fail(new ApiframeFailure(ApiframeFailureKind.ResultExpired, "gone")));
        await budget.Processor.ProcessAsync(budget.Start(3).Generation!, CancellationToken.None);

        // A request that never started costs nothing.
        budget.Service.Record(Command(4));

        budget.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(8, budget.Get<DailySpendGuard>().SpentToday);
        Assert.Equal(8, budget.Store.ApiframeCreditsSince(budget.Time.GetUtcNow().Date, 4));
    }

    [Fact]
    public async Task The_place_in_line_keeps_being_shown_after_a_store_error_and_a_timed_out_edit()
    {
        // Two jobs that never finish fill both slots, so the next ones wait in line.
        _pipeline.Seedream.SubmitAsync(Arg.Any<GenerationRequest>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(async call =>
            {
                await Task.Delay(Timeout.Infinite, call.Arg<CancellationToken>());
                return ApiframeResult<SubmittedJob>.Fail(new ApiframeFailure(ApiframeFailureKind.Unavailable, "never"));
            });
        var scheduler = _pipeline.Get<GenerationScheduler>();
        using var stopping = new CancellationTokenSource();
        var running = scheduler.RunAsync(stopping.Token);
        _pipeline.Start(1);
        _pipeline.Start(2);
        await WaitUntilAsync(() => scheduler.Running == 2, "both slots to be taken");

        // An unreadable record (the kind a store error gives) is first in line; a real one waits behind it.
        var broken = _pipeline.Start(3).Generation!;
        Corrupt(broken.Id);
        var waiting = _pipeline.Start(4).Generation!;
        var shown = 0;
        _pipeline.Presenter.ShowQueuedAsync(Arg.Is<GenerationRecord>(g => g.Id == waiting.Id), Arg.Any<QueueStatus>(), Arg.Any<CancellationToken>())
            .Returns(_ => Interlocked.Increment(ref shown) == 1
                ? Task.FromException(new TaskCanceledException("HttpClient.Timeout"))
                : Task.CompletedTask);

        // The first edit times out; the next round, after the interval, shows it.
        await WaitUntilAsync(() => { _pipeline.Time.Advance(TimeSpan.FromMilliseconds(100)); return Volatile.Read(ref shown) >= 2; }, "the place in line to be shown again");

        Assert.False(running.IsCompleted);
        await stopping.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private GenerationRecord Interrupted(GenerationState state, int attempts = 1)
    {
        var generation = _pipeline.Start(1).Generation!;
        generation.State = state;
        generation.Attempts = attempts;
        generation.JobId = state == GenerationState.Queued ? null : "job-1";
        _pipeline.Store.Save(generation);
        return _pipeline.Store.Find(generation.Id)!;
    }

    private void Corrupt(string generationId) =>
        _pipeline.Get<SeedreamDatabase>().Write(db =>
        {
            var generations = db.GetCollection("generations");
            var document = generations.FindById(generationId);
            document["State"] = "NotAState";
            generations.Update(document);
        });

    private (int Held, int Available) Balance(ulong user)
    {
        var balance = _pipeline.Ledger.GetBalance(GenerationPipeline.Member(user));
        return (balance.Held, balance.Available);
    }

    private static StartGenerationCommand Command(ulong user, string prompt = "a cat") =>
        new(GenerationOrigin.Imagine, GenerationPipeline.Member(user), GenerationPipeline.Request(prompt),
            new DeliveryTarget { GuildId = GenerationPipeline.Guild, ChannelId = 1, InteractionToken = "token" });

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting for " + what);
            }

            await Task.Delay(10);
        }
    }
}
