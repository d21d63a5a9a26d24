using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Reliability;
using SeedreamBot.Core.Images;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Jobs;

/// <summary>
/// Takes one generation from wherever it stopped to delivered or failed: submit (same idempotency key every
/// time), poll with throttled progress, download, deliver, then settle — or release the hold on any failure.
/// Cancellation (shutdown) leaves the persisted state as it is, so the generation resumes after the restart.
/// </summary>
public sealed partial class GenerationProcessor
{
    /// <summary>Discord's default per-file upload limit, for interactions that did not say.</summary>
    public const long DefaultAttachmentSizeLimit = 10L * 1024 * 1024;

    /// <summary>The largest result downloaded at all: a 4K PNG is under 50 MB; anything bigger is not a Seedream image.</summary>
    public const long MaxResultBytes = 64L * 1024 * 1024;

    private readonly ISeedreamClient _seedream;
    private readonly ImageFitter _fitter;
    private readonly ICreditLedger _ledger;
    private readonly GenerationStore _store;
    private readonly IGenerationPresenter _presenter;
    private readonly JobDurationTracker _durations;
    private readonly GenerationMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<GenerationOptions> _options;
    private readonly ILogger<GenerationProcessor> _logger;

    public GenerationProcessor(
        ISeedreamClient seedream,
        ImageFitter fitter,
        ICreditLedger ledger,
        GenerationStore store,
        IGenerationPresenter presenter,
        JobDurationTracker durations,
        GenerationMetrics metrics,
        TimeProvider time,
        IOptionsMonitor<GenerationOptions> options,
        ILogger<GenerationProcessor> logger)
    {
        _seedream = seedream;
        _fitter = fitter;
        _ledger = ledger;
        _store = store;
        _presenter = presenter;
        _durations = durations;
        _metrics = metrics;
        _time = time;
        _options = options;
        _logger = logger;
    }

    public async Task ProcessAsync(GenerationRecord generation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generation);
        using var scope = GenerationScope(_logger, generation.Id, generation.GuildId, generation.UserId);

        if (generation.State == GenerationState.Pending)
        {
            // Answered, but the bot stopped before it started (its hold, if one was placed, was never queued).
            LogRestartedBeforeStart(generation.Id);
            await FailAsync(generation, GenerationFailure.Restarted(), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (generation.State == GenerationState.Delivering)
        {
            // Stopped while posting the image: Discord may have it. Posting again would show it twice.
            if (await FindDeliveredQuietlyAsync(generation, cancellationToken).ConfigureAwait(false) is { } receipt)
            {
                LogFoundDelivered(generation.Id, receipt.MessageId);
                CompleteDelivery(generation, receipt, null);
                return;
            }

            generation.State = GenerationState.Submitted;
        }

        var maxAttempts = _options.CurrentValue.MaxAttempts;
        if (generation.Attempts >= maxAttempts)
        {
            LogTooManyAttempts(generation.Id, generation.Attempts);
            await FailAsync(generation, GenerationFailure.TooManyAttempts(generation.Attempts), cancellationToken).ConfigureAwait(false);
            return;
        }

        generation.Attempts++;
        _store.Save(generation);
        LogProcessing(generation.Id, generation.State, generation.Attempts);

        if (generation.State == GenerationState.Queued)
        {
            var starting = new JobProgress(JobStatus.Queued, 0);
            await ShowProgressSafelyAsync(generation, starting, cancellationToken).ConfigureAwait(false);

            var submitted = await _seedream.SubmitAsync(generation.ToRequest(), generation.IdempotencyKey, cancellationToken)
                .ConfigureAwait(false);
            if (!submitted.Succeeded)
            {
                await FailAsync(generation, GenerationFailure.FromApiframe(submitted.Failure), cancellationToken).ConfigureAwait(false);
                return;
            }

            FailPoints.Reach(FailPointNames.AfterSubmitBeforeJobIdSaved);
            generation.JobId = submitted.Value.JobId;
            generation.State = GenerationState.Submitted;
            generation.SubmittedAt = _time.GetUtcNow();
            _store.Save(generation);
            LogSubmitted(generation.Id, submitted.Value.JobId);
            await WaitAndDeliverAsync(generation, starting, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (generation.State == GenerationState.Submitted)
        {
            await WaitAndDeliverAsync(generation, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WaitAndDeliverAsync(GenerationRecord generation, JobProgress? shown, CancellationToken cancellationToken)
    {
        using var jobScope = JobScope(_logger, generation.JobId);
        var options = _options.CurrentValue;

        ApiframeResult<CompletedJob> completed;
        using (var progress = new ThrottledProgress(
            (value, token) => ShowProgressSafelyAsync(generation, value, token),
            _time,
            options.ProgressUpdateInterval,
            shown,
            cancellationToken))
        {
            try
            {
                completed = await _seedream.WaitForCompletionAsync(generation.JobId!, new PollingProgress(progress), cancellationToken)
                    .ConfigureAwait(false);
            }
            finally
            {
                await progress.CompleteAsync().ConfigureAwait(false);
                _metrics.ProgressEdits(progress.Shown);
            }
        }

        if (!completed.Succeeded)
        {
            generation.ApiframeCreditCost = completed.Failure.CreditCost ?? generation.ApiframeCreditCost;
            await FailAsync(generation, GenerationFailure.FromApiframe(completed.Failure), cancellationToken).ConfigureAwait(false);
            return;
        }

        var imageUrl = completed.Value.ImageUrls[0];
        generation.ResultUrl = imageUrl.AbsoluteUri;
        generation.ApiframeCreditCost = completed.Value.CreditCost;
        if (generation.SubmittedAt is { } submittedAt)
        {
            _durations.Record(_time.GetUtcNow() - submittedAt);
        }

        var limit = generation.Target.AttachmentSizeLimit > 0
            ? generation.Target.AttachmentSizeLimit
            : DefaultAttachmentSizeLimit;
        var downloaded = await _seedream.DownloadAsync(imageUrl, MaxResultBytes, cancellationToken).ConfigureAwait(false);
        if (!downloaded.Succeeded)
        {
            await FailAsync(generation, GenerationFailure.FromApiframe(downloaded.Failure), cancellationToken).ConfigureAwait(false);
            return;
        }

        FailPoints.Reach(FailPointNames.AfterDownload);

        // Always attached, never only linked: Apiframe deletes its copy within a day, the message keeps the image.
        var fit = await _fitter.FitAsync(downloaded.Value.Content, limit, cancellationToken).ConfigureAwait(false);
        if (!fit.Succeeded)
        {
            await FailAsync(generation, GenerationFailure.FromApiframe(ImageFailure(fit, limit)), cancellationToken).ConfigureAwait(false);
            return;
        }

        // The hold is already out of the balance, so this is what the member has once the hold is settled.
        var balanceAfter = _ledger.GetBalance(generation.Member);
        var result = new GenerationResult(
            imageUrl,
            fit.Reencoded ? downloaded.Value.ReencodedAs(fit) : downloaded.Value,
            fit.Reencoded ? downloaded.Value : null,
            balanceAfter,
            _time.GetUtcNow() - generation.CreatedAt);

        // From here Discord may have the image even if the bot does not hear back: a restart asks before posting.
        generation.State = GenerationState.Delivering;
        _store.Save(generation);

        DeliveryReceipt receipt;
        try
        {
            receipt = await _presenter.DeliverAsync(generation, result, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A timeout or a 5xx can come after Discord applied the upload: ask before telling the member it failed.
            if (await FindDeliveredQuietlyAsync(generation, cancellationToken).ConfigureAwait(false) is { } found)
            {
                LogDeliveredDespiteError(exception, generation.Id, found.MessageId);
                receipt = found;
            }
            else
            {
                LogDeliveryFailed(exception, generation.Id);
                await FailAsync(
                    generation,
                    GenerationFailure.Delivery("The image was made, but Discord would not let me post it here."),
                    cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        FailPoints.Reach(FailPointNames.AfterUploadBeforeReceiptSaved);
        CompleteDelivery(generation, receipt, result);
    }

    private void CompleteDelivery(GenerationRecord generation, DeliveryReceipt receipt, GenerationResult? result)
    {
        generation.State = GenerationState.Delivered;
        generation.FinishedAt = _time.GetUtcNow();
        generation.ResultChannelId = receipt.ChannelId;
        generation.ResultMessageId = receipt.MessageId;
        _store.Save(generation);
        FailPoints.Reach(FailPointNames.AfterReceiptBeforeSettle);
        _ledger.Settle(generation.Id);
        _metrics.Finished(generation, delivered: true, failureKind: null);
        LogDelivered(generation.Id, result?.Reencoded ?? false, result?.Elapsed ?? _time.GetUtcNow() - generation.CreatedAt);
    }

    /// <summary>Whether Discord already shows the result; null when it does not or cannot say (then it is posted).</summary>
    private async Task<DeliveryReceipt?> FindDeliveredQuietlyAsync(GenerationRecord generation, CancellationToken cancellationToken)
    {
        try
        {
            return await _presenter.FindDeliveredAsync(generation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogPresenterFailed(exception, generation.Id, "delivery check");
            return null;
        }
    }

    private static ApiframeFailure ImageFailure(ImageFit fit, long limit) => fit.Problem switch
    {
        ImageProblem.TooManyPixels => new ApiframeFailure(
            ApiframeFailureKind.ResultTooLarge,
            $"The image Apiframe returned declares {fit.Original.Width} × {fit.Original.Height} pixels, more than the {ImageChecks.MaxPixels / 1_000_000} megapixels the bot opens."),
        ImageProblem.CannotFit => new ApiframeFailure(
            ApiframeFailureKind.ResultTooLarge,
            $"The image could not be made smaller than this channel's upload limit of {limit} bytes."),
        _ => new ApiframeFailure(ApiframeFailureKind.ResultNotImage, "The file Apiframe returned is not an image the bot can open."),
    };

    /// <summary>
    /// Ends a generation that broke unexpectedly (a bug, a storage error): the member gets an explanation and their
    /// hold back rather than a message that spins until the next restart.
    /// </summary>
    public Task AbandonAsync(GenerationRecord generation, CancellationToken cancellationToken) =>
        FailAsync(
            generation,
            GenerationFailure.Internal("Something went wrong on my side while making this image."),
            cancellationToken);

    private async Task FailAsync(GenerationRecord generation, GenerationFailure failure, CancellationToken cancellationToken)
    {
        generation.State = GenerationState.Failed;
        generation.FinishedAt = _time.GetUtcNow();
        generation.FailureKind = failure.Apiframe?.Kind;
        generation.FailureMessage = failure.Message;
        _store.Save(generation);
        var balance = _ledger.Release(generation.Id, failure.Message) ?? _ledger.GetBalance(generation.Member);
        _metrics.Finished(generation, delivered: false, failureKind: failure.Apiframe?.Kind.ToString() ?? failure.Kind.ToString());

        if (failure.IsOperatorProblem)
        {
            LogOperatorProblem(generation.Id, failure.Apiframe!.Kind, failure.Message);
        }
        else
        {
            LogFailed(generation.Id, failure.Kind, failure.Message);
        }

        try
        {
            await _presenter.ShowFailureAsync(generation, failure, balance, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The generation is already ended and refunded; an HttpClient timeout (a TaskCanceledException) included.
            LogPresenterFailed(exception, generation.Id, "failure");
        }
    }

    private async Task ShowProgressSafelyAsync(GenerationRecord generation, JobProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            await _presenter.ShowProgressAsync(generation, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A missed progress edit is cosmetic; the job goes on. Only shutdown stops it: an HttpClient timeout is a
            // TaskCanceledException too, but not ours.
            LogPresenterFailed(exception, generation.Id, "progress");
        }
    }

    // Scopes with a message template: the console's simple format prints their text, the JSON format their values.
    private static readonly Func<ILogger, string, ulong, ulong, IDisposable?> GenerationScope =
        LoggerMessage.DefineScope<string, ulong, ulong>("Generation {GenerationId} (guild {GuildId}, user {UserId})");

    private static readonly Func<ILogger, string?, IDisposable?> JobScope = LoggerMessage.DefineScope<string?>("Apiframe job {JobId}");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Processing generation {GenerationId} from state {State} (attempt {Attempt})")]
    private partial void LogProcessing(string generationId, GenerationState state, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId} submitted as Apiframe job {JobId}")]
    private partial void LogSubmitted(string generationId, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId} delivered (re-encoded to fit: {Reencoded}) after {Elapsed}")]
    private partial void LogDelivered(string generationId, bool reencoded, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId} failed ({Kind}): {Reason}; the hold was released")]
    private partial void LogFailed(string generationId, GenerationFailureKind kind, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "OPERATOR ACTION NEEDED: generation {GenerationId} failed because of {Kind}: {Reason}")]
    private partial void LogOperatorProblem(string generationId, ApiframeFailureKind kind, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId} was answered but had not started when the bot stopped; ending it")]
    private partial void LogRestartedBeforeStart(string generationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId}: Discord already shows the result (message {MessageId}); settling without posting again")]
    private partial void LogFoundDelivered(string generationId, ulong messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId}: posting the result failed, but Discord shows it (message {MessageId}); settling")]
    private partial void LogDeliveredDespiteError(Exception exception, string generationId, ulong messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Generation {GenerationId} was started {Attempts} times without finishing; failing it and giving the credits back")]
    private partial void LogTooManyAttempts(string generationId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId}: the result could not be delivered; the hold is released")]
    private partial void LogDeliveryFailed(Exception exception, string generationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId}: showing the {What} message failed")]
    private partial void LogPresenterFailed(Exception exception, string generationId, string what);
}
