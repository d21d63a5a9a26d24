using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Tests.Jobs;

public sealed class GenerationPipelineTests : IDisposable
{
    private readonly GenerationPipeline _pipeline = new();

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public void Starting_holds_the_cost_saves_the_generation_and_queues_it()
    {
        var started = _pipeline.Start(1);

        Assert.True(started.Started);
        var balance = _pipeline.Ledger.GetBalance(GenerationPipeline.Member(1));
        Assert.Equal(4, balance.Held);
        Assert.Equal(36, balance.Available);
        var saved = _pipeline.Store.Find(started.Generation.Id);
        Assert.Equal(GenerationState.Queued, saved!.State);
        Assert.Equal(1, _pipeline.Get<GenerationScheduler>().UnfinishedFor(GenerationPipeline.Member(1).Scope));
    }

    [Fact]
    public void A_banned_prompt_is_refused_before_anything_is_held()
    {
        _pipeline.PromptScreen.FindBannedTerm(GenerationPipeline.Guild, "a gory cat").Returns("gory");

        var started = _pipeline.Start(1, "a gory cat");

        Assert.Equal(StartRefusalKind.BannedPrompt, started.Refusal!.Kind);
        Assert.Equal("gory", started.Refusal.BannedTerm);
        Assert.Equal(0, _pipeline.Ledger.GetBalance(GenerationPipeline.Member(1)).Held);
    }

    [Fact]
    public void The_per_member_queue_limit_refuses_the_next_request_without_a_hold()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.True(_pipeline.Start(1).Started);
        }

        var refused = _pipeline.Start(1);

        Assert.Equal(StartRefusalKind.QueueFull, refused.Refusal!.Kind);
        Assert.Equal(5, refused.Refusal.Limit);
        Assert.Equal(20, _pipeline.Ledger.GetBalance(GenerationPipeline.Member(1)).Held);
    }

    [Fact]
    public void Not_enough_credits_is_refused_with_the_balance()
    {
        using var poor = new GenerationPipeline(new() { ["Credits:DefaultAllowance"] = "3" });
        var refused = poor.Start(2);

        Assert.Equal(StartRefusalKind.InsufficientCredits, refused.Refusal!.Kind);
        Assert.Equal(3, refused.Refusal.Balance!.Available);
        Assert.Equal(4, refused.Refusal.Cost);

        // Refused before anything was held, saved or queued.
        Assert.Equal(0, poor.Ledger.GetBalance(GenerationPipeline.Member(2)).Held);
        Assert.Equal(0, poor.Get<GenerationScheduler>().UnfinishedFor(GenerationPipeline.Member(2).Scope));
        Assert.Empty(poor.Store.Unfinished());
    }

    [Fact]
    public void Prechecking_a_first_time_member_answers_from_stored_state_and_writes_nothing()
    {
        using var poor = new GenerationPipeline(new() { ["Credits:DefaultAllowance"] = "3" });
        var entriesBefore = poor.EntryCount();

        Assert.Null(_pipeline.Service.Precheck(GenerationPipeline.Member(1), GenerationPipeline.Request()));
        var refused = poor.Service.Precheck(GenerationPipeline.Member(2), GenerationPipeline.Request());

        Assert.Equal(StartRefusalKind.InsufficientCredits, refused!.Kind);
        Assert.Equal((3, 4), (refused.Balance!.Available, refused.Cost));
        Assert.Equal(entriesBefore, poor.EntryCount());
        Assert.Equal(0, _pipeline.EntryCount());
    }

    [Fact]
    public void A_server_whose_budget_is_used_up_is_refused_in_the_precheck_and_at_the_hold_with_its_refill()
    {
        using var small = new GenerationPipeline(new() { ["Operator:DefaultServerBudget"] = "8", ["Operator:ServerBudgetPeriod"] = "Weekly" });
        Assert.True(small.Start(1).Started);
        Assert.True(small.Start(2).Started);

        var precheck = small.Service.Precheck(GenerationPipeline.Member(3), GenerationPipeline.Request());
        var start = small.Start(3);

        Assert.Equal(StartRefusalKind.ServerBudgetExhausted, precheck!.Kind);
        Assert.Equal(StartRefusalKind.ServerBudgetExhausted, start.Refusal!.Kind);

        // 2026-05-04 is a Monday: the pool refills next Monday at midnight UTC.
        Assert.Equal(new DateTimeOffset(2026, 5, 11, 0, 0, 0, TimeSpan.Zero), start.Refusal.Pool!.NextRefill);
        Assert.Equal(0, small.Ledger.GetBalance(GenerationPipeline.Member(3)).Held);
        Assert.Equal(40, start.Refusal.Balance!.Available);
    }

    [Fact]
    public void Direct_messages_without_a_pool_are_refused_as_off_even_with_an_allowance()
    {
        using var dms = new GenerationPipeline(new() { ["Credits:DirectMessageAllowance"] = "20" });

        var refused = dms.Service.Start(new StartGenerationCommand(
            GenerationOrigin.Imagine,
            CreditMember.DirectMessage(5),
            GenerationPipeline.Request(),
            new DeliveryTarget { ChannelId = 1, InteractionToken = "token" }));

        Assert.Equal(StartRefusalKind.DirectMessagesDisabled, refused.Refusal!.Kind);
    }

    [Fact]
    public void Stopping_refuses_new_work_as_restarting()
    {
        _pipeline.Service.StopAccepting();

        Assert.Equal(StartRefusalKind.ShuttingDown, _pipeline.Start(1).Refusal!.Kind);
        Assert.Equal(StartRefusalKind.ShuttingDown, _pipeline.Service.Precheck(GenerationPipeline.Member(1), GenerationPipeline.Request())!.Kind);
    }

    [Fact]
    public void The_daily_budget_refuses_once_spent_and_tells_operators_once()
    {
        using var budget = new GenerationPipeline(new() { ["Apiframe:DailyCreditBudget"] = "8" });

        Assert.True(budget.Start(1).Started);
        Assert.True(budget.Start(2).Started);
        Assert.Equal(StartRefusalKind.BudgetExhausted, budget.Start(3).Refusal!.Kind);
        Assert.Equal(StartRefusalKind.BudgetExhausted, budget.Start(4).Refusal!.Kind);

        budget.Alerts.Received(1).Raise(Arg.Is<OperatorAlert>(alert => alert.Kind == OperatorAlertKind.DailyBudgetReached));
        Assert.Equal(0, budget.Ledger.GetBalance(GenerationPipeline.Member(3)).Held);
    }

    [Fact]
    public async Task A_successful_job_is_delivered_then_settled_with_the_balance_after_shown()
    {
        _pipeline.ApiframeSucceeds();
        var generation = _pipeline.Start(1).Generation!;

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        var saved = _pipeline.Store.Find(generation.Id)!;
        Assert.Equal(GenerationState.Delivered, saved.State);
        Assert.Equal("job-1", saved.JobId);
        Assert.Equal(2UL, saved.ResultMessageId);
        var balance = _pipeline.Ledger.GetBalance(GenerationPipeline.Member(1));
        Assert.Equal((0, 36, 1), (balance.Held, balance.Available, balance.ImagesMade));
        await _pipeline.Presenter.Received(1).DeliverAsync(
            Arg.Is<GenerationRecord>(g => g.Id == generation.Id),
            Arg.Is<GenerationResult>(r => r.Image != null && r.BalanceAfter.Available == 36),
            Arg.Any<CancellationToken>());
        await _pipeline.Seedream.Received(1).SubmitAsync(
            Arg.Any<SeedreamBot.Core.Generation.GenerationRequest>(), "seedreambot-" + generation.Id, Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(ApiframeFailureKind.JobFailed)]
    [InlineData(ApiframeFailureKind.TimedOut)]
    [InlineData(ApiframeFailureKind.JobCancelled)]
    [InlineData(ApiframeFailureKind.NoImages)]
    [InlineData(ApiframeFailureKind.InsufficientCredits)]
    public async Task A_job_that_ends_without_an_image_releases_the_hold_and_explains(ApiframeFailureKind kind)
    {
        _pipeline.ApiframeSucceeds();
        _pipeline.Seedream.WaitForCompletionAsync("job-1", Arg.Any<IProgress<JobProgress>?>(), Arg.Any<CancellationToken>())
            .Returns(ApiframeResult<CompletedJob>.Fail(new ApiframeFailure(kind, "nope")));
        var generation = _pipeline.Start(1).Generation!;

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(GenerationState.Failed, _pipeline.Store.Find(generation.Id)!.State);
        var balance = _pipeline.Ledger.GetBalance(GenerationPipeline.Member(1));
        Assert.Equal((0, 40, 0), (balance.Held, balance.Available, balance.ImagesMade));
        await _pipeline.Presenter.Received(1).ShowFailureAsync(
            Arg.Any<GenerationRecord>(),
            Arg.Is<GenerationFailure>(f => f.Apiframe!.Kind == kind),
            Arg.Is<CreditBalance?>(b => b!.Available == 40),
            Arg.Any<CancellationToken>());
        await _pipeline.Presenter.DidNotReceive().DeliverAsync(Arg.Any<GenerationRecord>(), Arg.Any<GenerationResult>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_refused_submission_releases_the_hold()
    {
        _pipeline.Seedream.SubmitAsync(Arg.Any<SeedreamBot.Core.Generation.GenerationRequest>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(ApiframeResult<SubmittedJob>.Fail(new ApiframeFailure(ApiframeFailureKind.Unauthorized, "bad key")));
        var generation = _pipeline.Start(1).Generation!;

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(GenerationState.Failed, _pipeline.Store.Find(generation.Id)!.State);
        Assert.Equal(40, _pipeline.Ledger.GetBalance(GenerationPipeline.Member(1)).Available);
    }

    [Fact]
    public async Task A_result_larger_than_the_upload_limit_is_re_encoded_and_attached_never_linked()
    {
        _pipeline.ApiframeSucceeds();
        var noise = SeedreamBot.Fakes.Apiframe.FakeImages.Png(1200, 800, seed: 2, noise: true);
        _pipeline.Seedream.DownloadAsync(Arg.Any<Uri>(), Arg.Any<long>(), Arg.Any<CancellationToken>())
            .Returns(ApiframeResult<DownloadedImage>.Success(new DownloadedImage(noise, "image/png", "job-1.png")));
        var generation = _pipeline.Service.Start(new StartGenerationCommand(
            GenerationOrigin.Imagine,
            GenerationPipeline.Member(1),
            GenerationPipeline.Request(),
            new DeliveryTarget { GuildId = GenerationPipeline.Guild, ChannelId = 1, InteractionToken = "token", AttachmentSizeLimit = 1_000_000 })).Generation!;

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        await _pipeline.Presenter.Received(1).DeliverAsync(
            Arg.Any<GenerationRecord>(),
            Arg.Is<GenerationResult>(r => r.Reencoded && r.Image.ContentType == "image/jpeg" && r.Image.Content.Length <= 1_000_000
                                          && r.Original!.Content.Length == noise.Length && r.Image.FileName == "job-1.jpg"),
            Arg.Any<CancellationToken>());
        Assert.Equal(36, _pipeline.Ledger.GetBalance(GenerationPipeline.Member(1)).Available);
    }

    [Fact]
    public async Task A_result_that_is_not_an_image_is_a_failure_without_charge()
    {
        _pipeline.ApiframeSucceeds();
        _pipeline.Seedream.DownloadAsync(Arg.Any<Uri>(), Arg.Any<long>(), Arg.Any<CancellationToken>())
            .Returns(ApiframeResult<DownloadedImage>.Success(new DownloadedImage("<html></html>"u8.ToArray(), "image/png", "job-1.png")));
        var generation = _pipeline.Start(1).Generation!;

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(GenerationState.Failed, _pipeline.Store.Find(generation.Id)!.State);
        Assert.Equal(40, _pipeline.Ledger.GetBalance(GenerationPipeline.Member(1)).Available);
        await _pipeline.Presenter.DidNotReceive().DeliverAsync(Arg.Any<GenerationRecord>(), Arg.Any<GenerationResult>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task An_expired_result_is_a_failure_without_charge()
    {
        _pipeline.ApiframeSucceeds();
        _pipeline.Seedream.DownloadAsync(Arg.Any<Uri>(), Arg.Any<long>(), Arg.Any<CancellationToken>())
            .Returns(ApiframeResult<DownloadedImage>.Fail(new ApiframeFailure(ApiframeFailureKind.ResultExpired, "gone")));
        var generation = _pipeline.Start(1).Generation!;

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(GenerationState.Failed, _pipeline.Store.Find(generation.Id)!.State);
        Assert.Equal(40, _pipeline.Ledger.GetBalance(GenerationPipeline.Member(1)).Available);
    }

    [Fact]
    public async Task When_Discord_refuses_the_delivery_the_member_is_not_charged()
    {
        _pipeline.ApiframeSucceeds();
        _pipeline.Presenter.DeliverAsync(Arg.Any<GenerationRecord>(), Arg.Any<GenerationResult>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new HttpRequestException("Discord is down"));
        var generation = _pipeline.Start(1).Generation!;

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(GenerationState.Failed, _pipeline.Store.Find(generation.Id)!.State);
        Assert.Equal(40, _pipeline.Ledger.GetBalance(GenerationPipeline.Member(1)).Available);
        await _pipeline.Presenter.Received(1).ShowFailureAsync(
            Arg.Any<GenerationRecord>(), Arg.Is<GenerationFailure>(f => f.Kind == GenerationFailureKind.DeliveryFailed),
            Arg.Any<CreditBalance?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Shutting_down_mid_job_leaves_it_submitted_and_held_for_the_restart()
    {
        _pipeline.ApiframeSucceeds();
        using var shutdown = new CancellationTokenSource();
        _pipeline.Seedream.WaitForCompletionAsync("job-1", Arg.Any<IProgress<JobProgress>?>(), Arg.Any<CancellationToken>())
            .Returns(async call =>
            {
                await shutdown.CancelAsync();
                call.Arg<CancellationToken>().ThrowIfCancellationRequested();
                return ApiframeResult<CompletedJob>.Fail(new ApiframeFailure(ApiframeFailureKind.Unavailable, "unreachable"));
            });
        var generation = _pipeline.Start(1).Generation!;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _pipeline.Processor.ProcessAsync(generation, shutdown.Token));

        var saved = _pipeline.Store.Find(generation.Id)!;
        Assert.Equal(GenerationState.Submitted, saved.State);
        Assert.Equal(4, _pipeline.Ledger.GetBalance(GenerationPipeline.Member(1)).Held);
        await _pipeline.Presenter.DidNotReceive().ShowFailureAsync(
            Arg.Any<GenerationRecord>(), Arg.Any<GenerationFailure>(), Arg.Any<CreditBalance?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Until_recovery_has_run_nothing_is_held_and_requests_are_refused_as_restarting()
    {
        _pipeline.ApiframeSucceeds();
        using var restarted = new RestartedPipeline(_pipeline);
        var service = restarted.Service;

        Assert.False(await service.WaitUntilReadyAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(StartRefusalKind.ShuttingDown, service.Precheck(GenerationPipeline.Member(1), GenerationPipeline.Request())!.Kind);
        var refused = service.Start(Command(1));
        Assert.Equal(StartRefusalKind.ShuttingDown, refused.Refusal!.Kind);
        Assert.Empty(_pipeline.Ledger.GetOpenHolds());

        // A request waiting for readiness goes ahead as soon as recovery is done.
        var waiting = service.WaitUntilReadyAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        restarted.Recovery.Recover();
        Assert.True(await waiting);
        Assert.True(service.Start(Command(1)).Started);
        Assert.Single(_pipeline.Ledger.GetOpenHolds());
    }

    [Fact]
    public async Task Recovery_that_fails_fails_the_wait_instead_of_taking_requests()
    {
        using var restarted = new RestartedPipeline(_pipeline);
        _pipeline.Dispose();

        Assert.ThrowsAny<Exception>(() => restarted.Recovery.Recover());
        await Assert.ThrowsAnyAsync<Exception>(() => restarted.Service.WaitUntilReadyAsync(TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    [Fact]
    public void Recovery_settles_delivered_releases_failed_and_orphaned_holds_and_resumes_the_rest()
    {
        var delivered = _pipeline.Start(1).Generation!;
        var failed = _pipeline.Start(2).Generation!;
        var queued = _pipeline.Start(3).Generation!;
        var submitted = _pipeline.Start(4).Generation!;
        delivered.State = GenerationState.Delivered;
        _pipeline.Store.Save(delivered);
        failed.State = GenerationState.Failed;
        _pipeline.Store.Save(failed);
        submitted.State = GenerationState.Submitted;
        submitted.JobId = "job-4";
        _pipeline.Store.Save(submitted);

        // A crash between the hold and saving the generation leaves a hold with no generation at all.
        _pipeline.Ledger.TryHold(GenerationPipeline.Member(5), "orphan-hold-0001", 4);

        using var restarted = new RestartedPipeline(_pipeline);
        var summary = restarted.Recovery.Recover();

        Assert.Equal(new RecoverySummary(Settled: 1, Released: 2, Resumed: 2), summary);
        Assert.Equal((0, 36, 1), Held(1));
        Assert.Equal((0, 40, 0), Held(2));
        Assert.Equal((4, 36, 0), Held(3));
        Assert.Equal((4, 36, 0), Held(4));
        Assert.Equal((0, 40, 0), Held(5));
        Assert.Equal(2, restarted.Scheduler.Waiting);
        Assert.Equal(
            new[] { queued.Id, submitted.Id }.Order(StringComparer.Ordinal),
            _pipeline.Ledger.GetOpenHolds().Select(hold => hold.GenerationId).Order(StringComparer.Ordinal));
    }

    private static StartGenerationCommand Command(ulong user) =>
        new(GenerationOrigin.Imagine, GenerationPipeline.Member(user), GenerationPipeline.Request(),
            new DeliveryTarget { GuildId = GenerationPipeline.Guild, ChannelId = 1, InteractionToken = "token" });

    private (int Held, int Available, int ImagesMade) Held(ulong user)
    {
        var balance = _pipeline.Ledger.GetBalance(GenerationPipeline.Member(user));
        return (balance.Held, balance.Available, balance.ImagesMade);
    }

    /// <summary>A new scheduler and recovery over the same store and ledger, as after a restart.</summary>
    private sealed class RestartedPipeline : IDisposable
    {
        public RestartedPipeline(GenerationPipeline pipeline)
        {
            Scheduler = new GenerationScheduler(
                pipeline.Store,
                pipeline.Processor,
                pipeline.Presenter,
                pipeline.Get<JobDurationTracker>(),
                pipeline.Get<GenerationMetrics>(),
                pipeline.Time,
                pipeline.Get<Microsoft.Extensions.Options.IOptionsMonitor<GenerationOptions>>(),
                pipeline.Get<Microsoft.Extensions.Options.IOptionsMonitor<ApiframeOptions>>(),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<GenerationScheduler>.Instance);
            Recovery = new GenerationRecovery(
                pipeline.Ledger, pipeline.Store, Scheduler, Microsoft.Extensions.Logging.Abstractions.NullLogger<GenerationRecovery>.Instance);
            Service = new GenerationService(
                pipeline.Ledger,
                pipeline.Get<ICreditPricing>(),
                pipeline.PromptScreen,
                pipeline.Get<ISpendGuard>(),
                pipeline.Store,
                Scheduler,
                Recovery,
                pipeline.Time,
                pipeline.Get<Microsoft.Extensions.Options.IOptionsMonitor<GenerationOptions>>(),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<GenerationService>.Instance);
        }

        public GenerationService Service { get; }

        public GenerationScheduler Scheduler { get; }

        public GenerationRecovery Recovery { get; }

        public void Dispose()
        {
        }
    }
}
