using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SeedreamBot.Discord.Gateway;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>Fan-out to subscribers: isolation, bounded queues, unsubscribing.</summary>
public sealed class GatewayDispatchHubTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly CapturedLogs _logs = new();
    private readonly GatewayMetrics _metrics;
    private readonly GatewayDispatchHub _hub;

    public GatewayDispatchHubTests()
    {
        _metrics = new GatewayMetrics(null, () => new DiscordGatewayStatus([], null, 0));
        _hub = new GatewayDispatchHub(capacity: 16, _metrics, _time, _logs.CreateLogger("hub"));
    }

    [Fact]
    public async Task Every_subscriber_gets_every_event_in_order()
    {
        var first = _hub.Subscribe(CancellationToken.None);
        var second = _hub.Subscribe(CancellationToken.None);

        for (var i = 1; i <= 10; i++)
        {
            _hub.Publish(Dispatch(i));
        }

        _hub.Complete();
        Assert.Equal(Enumerable.Range(1, 10), await Sequences(first));
        Assert.Equal(Enumerable.Range(1, 10), await Sequences(second));
    }

    [Fact]
    public async Task A_full_queue_drops_only_for_its_own_subscriber_and_warns_without_flooding()
    {
        var stuck = _hub.Subscribe(CancellationToken.None);
        var reading = _hub.Subscribe(CancellationToken.None);
        var readSoFar = new List<int>();

        for (var i = 1; i <= 40; i++)
        {
            _hub.Publish(Dispatch(i));
            while (reading.TryRead(out var dispatch))
            {
                readSoFar.Add(dispatch.Sequence);
            }
        }

        Assert.Equal(Enumerable.Range(1, 40), readSoFar);
        Assert.Equal(24, _hub.DroppedEvents);
        _hub.Complete();
        Assert.Equal(Enumerable.Range(1, 16), await Sequences(stuck));
        Assert.Single(_logs.Entries, log => log.Level == LogLevel.Warning && log.Message.Contains("queue is full", StringComparison.Ordinal));
        Assert.Single(_logs.Entries, log => log.Message.Contains("events waiting", StringComparison.Ordinal));
    }

    [Fact]
    public void Drop_warnings_repeat_at_most_every_30_seconds()
    {
        _ = _hub.Subscribe(CancellationToken.None);
        for (var i = 1; i <= 20; i++)
        {
            _hub.Publish(Dispatch(i));
        }

        _time.Advance(TimeSpan.FromSeconds(30));
        _hub.Publish(Dispatch(21));

        Assert.Equal(2, _logs.Entries.Count(log => log.Message.Contains("queue is full", StringComparison.Ordinal)));
        Assert.Contains(_logs.Entries, log => log.Message.Contains("5 dropped for it so far", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unsubscribing_completes_the_reader_after_what_it_already_queued()
    {
        using var unsubscribe = new CancellationTokenSource();
        var reader = _hub.Subscribe(unsubscribe.Token);
        _hub.Publish(Dispatch(1));

        await unsubscribe.CancelAsync();
        _hub.Publish(Dispatch(2));

        Assert.Equal([1], await Sequences(reader));
        Assert.Equal(0, _hub.DroppedEvents);
    }

    [Fact]
    public async Task Subscribing_after_completion_yields_an_already_completed_reader()
    {
        _hub.Complete();

        var reader = _hub.Subscribe(CancellationToken.None);

        await reader.Completion.WaitAsync(TimeSpan.FromSeconds(15));
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _logs.Dispose();
    }

    private static GatewayDispatch Dispatch(int sequence)
    {
        using var document = JsonDocument.Parse("{}");
        return new GatewayDispatch(0, "TEST", sequence, document.RootElement.Clone(), DateTimeOffset.UnixEpoch);
    }

    private static async Task<List<int>> Sequences(ChannelReader<GatewayDispatch> reader)
    {
        var sequences = new List<int>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await foreach (var dispatch in reader.ReadAllAsync(timeout.Token))
        {
            sequences.Add(dispatch.Sequence);
        }

        return sequences;
    }
}
