using Microsoft.Extensions.Options;

namespace SeedreamBot.Core.Jobs;

/// <summary>
/// Refuses new generations once today's (UTC) Apiframe spend plus one more job would pass
/// <c>Apiframe:DailyCreditBudget</c>, and tells the operators once per day. Today's spend comes from the persisted
/// generations (so it survives restarts), cached briefly so a burst of commands does not query it each time.
/// </summary>
public sealed class DailySpendGuard : ISpendGuard
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    private readonly GenerationStore _store;
    private readonly IOperatorAlerts _alerts;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<SpendGuardOptions> _options;
    private readonly object _gate = new();
    private DateOnly _day;
    private long _spent;
    private long _readAt = long.MinValue;
    private DateOnly? _alertedOn;

    public DailySpendGuard(
        GenerationStore store,
        IOperatorAlerts alerts,
        TimeProvider time,
        IOptionsMonitor<SpendGuardOptions> options)
    {
        _store = store;
        _alerts = alerts;
        _time = time;
        _options = options;
    }

    /// <summary>Apiframe credits spent or committed today (UTC).</summary>
    public long SpentToday
    {
        get
        {
            lock (_gate)
            {
                _ = Refresh();
                return _spent;
            }
        }
    }

    public bool AllowsNewGeneration()
    {
        var options = _options.CurrentValue;
        if (options.DailyCreditBudget is not { } budget)
        {
            return true;
        }

        lock (_gate)
        {
            _ = Refresh();
            if (_spent + options.CreditsPerGeneration <= budget)
            {
                return true;
            }

            if (_alertedOn != _day)
            {
                _alertedOn = _day;
                _alerts.Raise(new OperatorAlert(
                    OperatorAlertKind.DailyBudgetReached,
                    $"Today's Apiframe budget of {budget} credits is used up ({_spent} spent), so new images are paused until midnight UTC. " +
                    "Raise Apiframe:DailyCreditBudget to allow more."));
            }

            return false;
        }
    }

    public void Reserve()
    {
        if (_options.CurrentValue.DailyCreditBudget is null)
        {
            return;
        }

        lock (_gate)
        {
            // Counted now, so a burst inside the cache window cannot overshoot the budget. A fresh read already
            // includes the generation, which was saved before this call.
            if (!Refresh())
            {
                _spent += _options.CurrentValue.CreditsPerGeneration;
            }
        }
    }

    private bool Refresh()
    {
        var now = _time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (today == _day && _time.GetElapsedTime(_readAt) < CacheFor)
        {
            return false;
        }

        var midnight = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        _spent = _store.ApiframeCreditsSince(midnight, _options.CurrentValue.CreditsPerGeneration);
        _day = today;
        _readAt = _time.GetTimestamp();
        return true;
    }
}
