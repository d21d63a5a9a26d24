using NSubstitute;
using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Tests.Jobs;

/// <summary>
/// Details of one generation's run that the end-to-end pipeline tests do not pin down: the upload limit passed to
/// the download, the job duration fed to the ETA, and the attempt counter a crash loop is stopped by.
/// </summary>
public sealed class GenerationProcessorTests : IDisposable
{
    private readonly GenerationPipeline _pipeline = new();

    public void Dispose() => _pipeline.Dispose();

    [Theory]
    [InlineData(0L, GenerationState.Delivered)] // the interaction did not say: Discord's default 10 MiB holds the 2 kB result
    [InlineData(50L, GenerationState.Failed)] // the channel's own limit applies: no encoding of the image fits in 50 bytes
    public async Task The_result_is_fitted_to_the_channel_s_upload_limit_or_Discord_s_default(long channelLimit, GenerationState expected)
    {
        _pipeline.ApiframeSucceeds(bytes: 2_000);
        var generation = Start(channelLimit);

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(expected, _pipeline.Store.Find(generation.Id)!.State);
    }

    [Fact]
    public async Task The_time_from_submission_to_result_feeds_the_queue_s_estimate()
    {
        _pipeline.ApiframeSucceeds();
        _pipeline.Seedream.WaitForCompletionAsync("job-1", Arg.Any<IProgress<JobProgress>?>(), Arg.Any<CancellationToken>())
            .Returns(_ =>
            {
                _pipeline.Time.Advance(TimeSpan.FromSeconds(42));
                return ApiframeResult<CompletedJob>.Success(new CompletedJob("job-1", [new Uri("https://cdn.example/job-1.png")], 4));
            });

        await _pipeline.Processor.ProcessAsync(_pipeline.Start(1).Generation!, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(42), _pipeline.Get<JobDurationTracker>().Typical);
    }

    [Fact]
    public async Task The_attempt_is_stored_before_anything_is_sent_to_Apiframe()
    {
        _pipeline.ApiframeSucceeds();
        var generation = _pipeline.Start(1).Generation!;
        var storedAttempts = -1;
        _pipeline.Seedream.SubmitAsync(Arg.Any<GenerationRequest>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(_ =>
            {
                storedAttempts = _pipeline.Store.Find(generation.Id)!.Attempts;
                return ApiframeResult<SubmittedJob>.Success(new SubmittedJob("job-1", JobStatus.Queued));
            });

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(1, storedAttempts);
    }

    [Fact]
    public async Task Ending_a_generation_that_never_started_or_gave_up_counts_no_further_attempt()
    {
        var pending = _pipeline.Service.Record(Command(1));
        var exhausted = _pipeline.Start(2).Generation!;
        exhausted.Attempts = 3;
        _pipeline.Store.Save(exhausted);

        await _pipeline.Processor.ProcessAsync(_pipeline.Store.Find(pending.Id)!, CancellationToken.None);
        await _pipeline.Processor.ProcessAsync(_pipeline.Store.Find(exhausted.Id)!, CancellationToken.None);

        Assert.Equal((GenerationState.Failed, 0), State(pending.Id));
        Assert.Equal((GenerationState.Failed, 3), State(exhausted.Id));
    }

    [Fact]
    public async Task A_delivery_check_that_fails_after_a_restart_counts_as_not_delivered_and_posts_once()
    {
        _pipeline.ApiframeSucceeds();
        var generation = Resumed(GenerationState.Delivering, apiframeCost: 4);
        _pipeline.Presenter.FindDeliveredAsync(Arg.Any<GenerationRecord>(), Arg.Any<CancellationToken>())
            .Returns<Task<DeliveryReceipt?>>(_ => throw new HttpRequestException("Discord is down"));

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(GenerationState.Delivered, _pipeline.Store.Find(generation.Id)!.State);
        await _pipeline.Presenter.Received(1).DeliverAsync(Arg.Any<GenerationRecord>(), Arg.Any<GenerationResult>(), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(null, 4)] // Apiframe did not say again: what it billed before stands for the daily budget
    [InlineData(0, 0)] // Apiframe's latest word (refunded) replaces it
    public async Task A_resumed_job_that_fails_keeps_the_cost_Apiframe_last_reported(int? reported, int expected)
    {
        _pipeline.ApiframeSucceeds();
        var generation = Resumed(GenerationState.Submitted, apiframeCost: 4);
        _pipeline.Seedream.WaitForCompletionAsync("job-1", Arg.Any<IProgress<JobProgress>?>(), Arg.Any<CancellationToken>())
            .Returns(ApiframeResult<CompletedJob>.Fail(new ApiframeFailure(ApiframeFailureKind.JobNotFound, "gone") { CreditCost = reported }));

        await _pipeline.Processor.ProcessAsync(generation, CancellationToken.None);

        Assert.Equal(expected, _pipeline.Store.Find(generation.Id)!.ApiframeCreditCost);
    }

    [Fact]
    public async Task A_generation_is_required()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => _pipeline.Processor.ProcessAsync(null!, CancellationToken.None));
    }

    private GenerationRecord Resumed(GenerationState state, int apiframeCost)
    {
        var generation = _pipeline.Start(1).Generation!;
        generation.State = state;
        generation.Attempts = 1;
        generation.JobId = "job-1";
        generation.ApiframeCreditCost = apiframeCost;
        _pipeline.Store.Save(generation);
        return _pipeline.Store.Find(generation.Id)!;
    }

    private (GenerationState, int) State(string id)
    {
        var stored = _pipeline.Store.Find(id)!;
        return (stored.State, stored.Attempts);
    }

    private GenerationRecord Start(long attachmentSizeLimit) =>
        _pipeline.Service.Start(new StartGenerationCommand(
            GenerationOrigin.Imagine,
            GenerationPipeline.Member(1),
            GenerationPipeline.Request(),
            new DeliveryTarget
            {
                GuildId = GenerationPipeline.Guild, ChannelId = 1, InteractionToken = "token", AttachmentSizeLimit = attachmentSizeLimit,
            })).Generation!;

    private static StartGenerationCommand Command(ulong user) =>
        new(GenerationOrigin.Imagine, GenerationPipeline.Member(user), GenerationPipeline.Request(),
            new DeliveryTarget { GuildId = GenerationPipeline.Guild, ChannelId = 1, InteractionToken = "token" });
}
