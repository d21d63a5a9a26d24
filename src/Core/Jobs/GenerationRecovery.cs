using Microsoft.Extensions.Logging;
using SeedreamBot.Core.Credits;

namespace SeedreamBot.Core.Jobs;

/// <summary>
/// Start-up reconciliation: makes every credit hold agree with its generation, then queues what was interrupted.
/// Delivered → settle; failed → release; no generation at all → release; pending (answered but never started) →
/// ended by the processor with "the bot restarted before this could start", its hold (if any) released; queued,
/// submitted or delivering → run again (a queued one is resubmitted with the same idempotency key, so Apiframe returns
/// the job it may already have; a submitted one is polled again; a delivering one first asks Discord whether the
/// image is already there, so it is delivered once).
/// </summary>
public sealed partial class GenerationRecovery
{
    private readonly ICreditLedger _ledger;
    private readonly GenerationStore _store;
    private readonly GenerationScheduler _scheduler;
    private readonly ILogger<GenerationRecovery> _logger;
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GenerationRecovery(
        ICreditLedger ledger,
        GenerationStore store,
        GenerationScheduler scheduler,
        ILogger<GenerationRecovery> logger)
    {
        _ledger = ledger;
        _store = store;
        _scheduler = scheduler;
        _logger = logger;
    }

    /// <summary>
    /// Completes when <see cref="Recover"/> has run once. Until then no new hold may be placed: recovery would take a
    /// hold whose generation is not saved yet for one a crash left behind, and release it.
    /// </summary>
    public Task Completed => _completed.Task;

    public RecoverySummary Recover()
    {
        try
        {
            var summary = Reconcile();
            _completed.TrySetResult();
            return summary;
        }
        catch (Exception exception)
        {
            _completed.TrySetException(exception);
            throw;
        }
    }

    private RecoverySummary Reconcile()
    {
        int settled = 0, released = 0;
        foreach (var hold in _ledger.GetOpenHolds())
        {
            var generation = _store.Find(hold.GenerationId);
            switch (generation?.State)
            {
                case null:
                    _ledger.Release(hold.GenerationId, "The generation never started (the bot stopped before saving it).");
                    released++;
                    break;
                case GenerationState.Delivered:
                    _ledger.Settle(hold.GenerationId);
                    settled++;
                    break;
                case GenerationState.Failed:
                    _ledger.Release(hold.GenerationId, generation.FailureMessage ?? "The generation failed.");
                    released++;
                    break;
            }
        }

        var resumed = 0;
        foreach (var generation in _store.Unfinished())
        {
            _scheduler.Enqueue(generation);
            resumed++;
        }

        LogRecovered(settled, released, resumed);
        return new RecoverySummary(settled, released, resumed);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Reconciled after start: {Settled} holds settled, {Released} released, {Resumed} generations resumed")]
    private partial void LogRecovered(int settled, int released, int resumed);
}
