using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Jobs;

/// <summary>
/// Runs queued generations: at most <c>Apiframe:MaxConcurrentJobs</c> at once, at most
/// <c>Generation:MaxJobsPerUser</c> per member, taken round-robin between members; keeps waiting members told
/// their place in line.
/// </summary>
public sealed partial class GenerationScheduler
{
    private readonly FairQueue _queue;
    private readonly GenerationStore _store;
    private readonly GenerationProcessor _processor;
    private readonly IGenerationPresenter _presenter;
    private readonly JobDurationTracker _durations;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<GenerationOptions> _options;
    private readonly IOptionsMonitor<ApiframeOptions> _apiframe;
    private readonly ILogger<GenerationScheduler> _logger;
    private readonly SemaphoreSlim _changed = new(0);
    private readonly ConcurrentDictionary<string, Task> _running = new();
    private readonly ConcurrentDictionary<string, Announcement> _announced = new();
    private readonly ConcurrentDictionary<string, Task> _announcing = new();
    private readonly ConcurrentDictionary<string, long> _enqueuedAt = new();

    public GenerationScheduler(
        GenerationStore store,
        GenerationProcessor processor,
        IGenerationPresenter presenter,
        JobDurationTracker durations,
        GenerationMetrics metrics,
        TimeProvider time,
        IOptionsMonitor<GenerationOptions> options,
        IOptionsMonitor<ApiframeOptions> apiframe,
        ILogger<GenerationScheduler> logger)
    {
        _store = store;
        _processor = processor;
        _presenter = presenter;
        _durations = durations;
        _time = time;
        _options = options;
        _apiframe = apiframe;
        _logger = logger;
        _queue = new FairQueue(options.CurrentValue.MaxJobsPerUser);
        metrics.Observe(() => _queue.WaitingCount, () => _running.Count);
    }

    /// <summary>How long a new arrival may wait for a free slot before it is shown its place in line.</summary>
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(200);

    public int Waiting => _queue.WaitingCount;

    public int Running => _running.Count;

    /// <summary>Generations waiting or running, counted at one moment: 0 means the scheduler has nothing to do.</summary>
    public int Unfinished => _queue.UnfinishedCount;

    /// <summary>Running plus waiting generations of one member.</summary>
    public int UnfinishedFor(CreditScope member) => _queue.CountFor(member);

    public void Enqueue(GenerationRecord generation)
    {
        _enqueuedAt[generation.Id] = _time.GetTimestamp();
        _queue.Enqueue(generation.Id, generation.Scope);
        _changed.Release();
    }

    /// <summary>The place in line of a waiting generation; null once it runs.</summary>
    public QueueStatus? StatusOf(string generationId)
    {
        var positions = _queue.Positions();
        return positions.TryGetValue(generationId, out var position) ? StatusAt(position, positions.Count) : null;
    }

    /// <summary>Runs until <paramref name="stoppingToken"/> fires, then waits for running work to stop.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var announcer = AnnounceLoopAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                StartWhatFits(stoppingToken);
                await _changed.WaitAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: running generations observe the same token and stop where they are.
        }

        await Task.WhenAll(_running.Values.Append(announcer)).ConfigureAwait(false);
    }

    private void StartWhatFits(CancellationToken stoppingToken)
    {
        var limit = _apiframe.CurrentValue.MaxConcurrentJobs;
        while (_running.Count < limit && _queue.TryDequeue(out var generationId, out var member))
        {
            _announced.TryRemove(generationId, out _);
            _enqueuedAt.TryRemove(generationId, out _);
            var started = new TaskCompletionSource();
            _running[generationId] = RunOneAsync(generationId, member, started.Task, stoppingToken);
            started.SetResult();
        }
    }

    private async Task RunOneAsync(string generationId, CreditScope member, Task registered, CancellationToken stoppingToken)
    {
        // Never finish before the caller has recorded this task as running.
        await registered.ConfigureAwait(false);
        await Task.Yield();
        GenerationRecord? generation = null;
        try
        {
            // A queue-position edit that is already on its way must land before the first progress edit.
            if (_announcing.TryGetValue(generationId, out var announcing))
            {
                await announcing.ConfigureAwait(false);
            }

            generation = _store.Find(generationId);
            if (generation is { IsFinished: false })
            {
                await _processor.ProcessAsync(generation, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Left as persisted; resumed after the restart.
        }
        catch (Exception exception)
        {
            LogUnexpected(exception, generationId);
            if (generation is { IsFinished: false })
            {
                await AbandonQuietlyAsync(generation, stoppingToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _running.TryRemove(generationId, out _);
            _queue.Complete(member);
            _changed.Release();
        }
    }

    private async Task AbandonQuietlyAsync(GenerationRecord generation, CancellationToken stoppingToken)
    {
        try
        {
            await _processor.AbandonAsync(generation, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // Storage itself is failing: the start-up reconciliation settles this generation next time.
            LogUnexpected(exception, generation.Id);
        }
    }

    private async Task AnnounceLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await AnnounceOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // A store error (or anything else) costs one round of place-in-line messages, never the loop:
                    // waiting members would otherwise stop hearing where they are until the next restart.
                    LogAnnounceRoundFailed(exception);
                }

                // Look often so a new arrival learns its place quickly; each message is still edited at most once
                // per QueueUpdateInterval (see AnnounceOnceAsync).
                var tick = TimeSpan.FromTicks(Math.Min(
                    _options.CurrentValue.QueueUpdateInterval.Ticks / 4,
                    TimeSpan.FromMilliseconds(250).Ticks));
                await Task.Delay(tick, _time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Tells each waiting member their place in line when it is new or changed, at most once per interval each.</summary>
    internal async Task AnnounceOnceAsync(CancellationToken cancellationToken)
    {
        var positions = _queue.Positions();
        var interval = _options.CurrentValue.QueueUpdateInterval;
        foreach (var (generationId, position) in positions.OrderBy(pair => pair.Value))
        {
            if (_announced.TryGetValue(generationId, out var last)
                && (last.Position == position || _time.GetElapsedTime(last.ShownAt) < interval))
            {
                continue;
            }

            // A generation that arrived a moment ago may be about to start in a free slot: showing it "in line"
            // first would only cost an edit that the progress edit replaces at once.
            if (last is null && _enqueuedAt.TryGetValue(generationId, out var enqueuedAt) && _time.GetElapsedTime(enqueuedAt) < SettleTime)
            {
                continue;
            }

            GenerationRecord? generation;
            try
            {
                generation = _store.Find(generationId);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // One unreadable record must not keep the members behind it from hearing their place.
                LogAnnounceFailed(exception, generationId);
                continue;
            }

            if (generation is null || generation.IsFinished)
            {
                continue;
            }

            // Claim the message, then make sure the generation did not start meanwhile: either this loop sees it
            // running, or the run waits for this edit (see RunOneAsync).
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _announcing[generationId] = done.Task;
            try
            {
                if (_running.ContainsKey(generationId))
                {
                    continue;
                }

                await _presenter.ShowQueuedAsync(generation, StatusAt(position, positions.Count), cancellationToken)
                    .ConfigureAwait(false);
                _announced[generationId] = new Announcement(position, _time.GetTimestamp());
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Best effort, an HttpClient timeout (a TaskCanceledException) included: the next round tries again.
                LogAnnounceFailed(exception, generationId);
            }
            finally
            {
                _announcing.TryRemove(generationId, out _);
                done.SetResult();
            }
        }

        foreach (var generationId in _announced.Keys.Where(id => !positions.ContainsKey(id)))
        {
            _announced.TryRemove(generationId, out _);
        }

        foreach (var generationId in _enqueuedAt.Keys.Where(id => !positions.ContainsKey(id) && !_running.ContainsKey(id)))
        {
            _enqueuedAt.TryRemove(generationId, out _);
        }
    }

    private QueueStatus StatusAt(int position, int waiting) =>
        new(position, waiting, _durations.EstimateWait(position, _apiframe.CurrentValue.MaxConcurrentJobs));

    [LoggerMessage(Level = LogLevel.Error, Message = "Generation {GenerationId} broke unexpectedly")]
    private partial void LogUnexpected(Exception exception, string generationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of queue-position messages failed; the next one runs as usual")]
    private partial void LogAnnounceRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Showing the queue position of generation {GenerationId} failed")]
    private partial void LogAnnounceFailed(Exception exception, string generationId);

    private sealed record Announcement(int Position, long ShownAt);
}
