using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SeedreamBot.Bot.Interactions;

/// <summary>
/// Runs interactions through the <see cref="InteractionProcessor"/>, each on its own task so one slow interaction never
/// delays the next one's 3-second deadline, whichever way they arrived (gateway or HTTP endpoint). At most
/// <c>Interactions:MaxConcurrent</c> run at once: beyond that they wait in line (never dropped) and a warning says so.
/// </summary>
public sealed partial class InteractionRunner : IDisposable
{
    private static readonly TimeSpan SaturationWarningInterval = TimeSpan.FromSeconds(30);

    private readonly InteractionProcessor _processor;
    private readonly TimeProvider _time;
    private readonly ILogger<InteractionRunner> _logger;
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _slots;
    private readonly int _maxConcurrent;
    private long _lastSaturationWarning = long.MinValue;
    private long _waitedForSlot;

    public InteractionRunner(
        InteractionProcessor processor,
        IOptions<InteractionOptions> options,
        TimeProvider time,
        ILogger<InteractionRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _processor = processor;
        _time = time;
        _logger = logger;
        _maxConcurrent = options.Value.MaxConcurrent;
        _slots = new SemaphoreSlim(_maxConcurrent, _maxConcurrent);
    }

    /// <summary>How many interactions had to wait for a free slot so far (for tests and diagnostics).</summary>
    public long WaitedForSlot => Interlocked.Read(ref _waitedForSlot);

    /// <summary>Interactions being handled right now.</summary>
    public int InFlight => _inFlight.Count;

    /// <summary>
    /// Waits for a free slot, then starts handling <paramref name="interaction"/> in the background; its initial response
    /// goes through <paramref name="callback"/>. Returns once it has started. Throws <see cref="OperationCanceledException"/>
    /// once the runner is stopping (or <paramref name="cancellationToken"/> fires) while waiting for a slot.
    /// </summary>
    public async Task StartAsync(
        Discord.Models.Interaction interaction,
        DateTimeOffset receivedAt,
        IInteractionCallback callback,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(callback);
        _stopping.Token.ThrowIfCancellationRequested();
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        await TakeSlotAsync(waiting.Token).ConfigureAwait(false);
        var stopping = _stopping.Token;
        var task = Task.Run(() => ProcessAndFreeSlotAsync(interaction, receivedAt, callback, stopping), CancellationToken.None);
        _inFlight[task] = 0;
        _ = task.ContinueWith(done => _inFlight.TryRemove(done, out _), TaskScheduler.Default);
    }

    /// <summary>Cancels the interactions still being handled and waits until each has ended.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);

        // Let interactions that are mid-answer finish (they observe the same token).
        await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _slots.Dispose();
    }

    private async Task TakeSlotAsync(CancellationToken cancellationToken)
    {
        if (_slots.Wait(0))
        {
            return;
        }

        Interlocked.Increment(ref _waitedForSlot);
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastSaturationWarning);
        if (last == long.MinValue || _time.GetElapsedTime(last, now) >= SaturationWarningInterval)
        {
            Interlocked.Exchange(ref _lastSaturationWarning, now);
            LogSaturated(_maxConcurrent);
        }

        // Queue, not drop: the gateway keeps the next events (and an HTTP request stays open) while this one waits.
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ProcessAndFreeSlotAsync(
        Discord.Models.Interaction interaction, DateTimeOffset receivedAt, IInteractionCallback callback, CancellationToken stoppingToken)
    {
        try
        {
            await _processor.ProcessAsync(interaction, receivedAt, callback, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // The processor answers every failure itself; this is a last line so a slot is never lost.
            LogProcessorFailed(exception);
        }
        finally
        {
            _slots.Release();
            callback.HandlingEnded();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "All {MaxConcurrent} interaction slots are busy (Interactions:MaxConcurrent); new interactions wait in line for one")]
    private partial void LogSaturated(int maxConcurrent);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling an interaction failed outside the pipeline")]
    private partial void LogProcessorFailed(Exception exception);
}
