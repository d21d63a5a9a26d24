namespace SeedreamBot.Fakes.Apiframe;

/// <summary>
/// How the fake delivers webhooks (<see cref="FakeApiframeServer.Webhooks"/>): faithfully by default — signed, in order,
/// once, at once, no retries (Apiframe documents none) — or with the faults a real network and a real sender can show.
/// Changes apply to events raised from then on.
/// </summary>
public sealed class FakeWebhookSettings
{
    private volatile Func<FakeWebhookEvent, bool>? _drop;
    private volatile bool _duplicate;
    private volatile bool _reorder;
    private long _delayTicks;

    /// <summary>Events for which this returns true are never sent (recorded as dropped). Null sends every event.</summary>
    public Func<FakeWebhookEvent, bool>? Drop
    {
        get => _drop;
        set => _drop = value;
    }

    /// <summary>Sends every event twice.</summary>
    public bool Duplicate
    {
        get => _duplicate;
        set => _duplicate = value;
    }

    /// <summary>
    /// Holds back each job's progress events and sends them after its <c>completed</c> or <c>failed</c>, newest first: so
    /// progress arrives out of order, and every progress event arrives after the end.
    /// </summary>
    public bool Reorder
    {
        get => _reorder;
        set => _reorder = value;
    }

    /// <summary>Waits this long before sending each event.</summary>
    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value >= TimeSpan.Zero ? value.Ticks : throw new ArgumentOutOfRangeException(nameof(value)));
    }

    /// <summary>Drops every event: the bot must finish its jobs by polling alone.</summary>
    public void DropAll() => Drop = _ => true;
}
