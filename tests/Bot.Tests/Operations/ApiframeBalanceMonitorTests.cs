using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using SeedreamBot.Bot.Operations;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Fakes.Shared;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>The balance monitor's schedule and alert rules, on a fake clock with a substitute Apiframe client.</summary>
public sealed class ApiframeBalanceMonitorTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private readonly TimerCountingTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly ISeedreamClient _apiframe = Substitute.For<ISeedreamClient>();
    private readonly RecordingAlerts _alerts = new();
    private readonly SpendGuardOptions _options = new() { LowBalanceWarning = 500, BalanceCheckInterval = Interval, CreditsPerGeneration = 4 };
    private readonly Queue<ApiframeResult<ApiframeAccount>> _answers = new();
    private readonly ApiframeBalanceMonitor _monitor;
    private int _calls;

    public ApiframeBalanceMonitorTests()
    {
        var options = Substitute.For<IOptionsMonitor<SpendGuardOptions>>();
        options.CurrentValue.Returns(_ => _options);
        _apiframe.GetAccountAsync(Arg.Any<CancellationToken>()).Returns(_ =>
        {
            Interlocked.Increment(ref _calls);
            lock (_answers)
            {
                return Task.FromResult(_answers.Count > 1 ? _answers.Dequeue() : _answers.Peek());
            }
        });
        _monitor = new ApiframeBalanceMonitor(_apiframe, _alerts, options, _time, NullLogger<ApiframeBalanceMonitor>.Instance);
    }

    public void Dispose() => _monitor.Dispose();

    [Fact]
    public async Task It_reads_the_balance_at_start_and_then_once_per_interval()
    {
        Answer(1000);
        await _monitor.StartAsync(CancellationToken.None);
        await Eventually.Until(() => Volatile.Read(ref _calls) == 1, "the check at start");

        await WaitForTimersAsync(1);
        _time.Advance(Interval - TimeSpan.FromSeconds(1));
        await Task.Delay(50);
        Assert.Equal(1, Volatile.Read(ref _calls));

        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.Until(() => Volatile.Read(ref _calls) == 2, "the hourly check");
        Assert.Equal(1000, _monitor.LastBalance);
        Assert.Equal(_time.GetUtcNow(), _monitor.LastCheckedAt);

        await _monitor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_interval_is_read_again_before_every_wait()
    {
        Answer(1000);
        await _monitor.StartAsync(CancellationToken.None);
        await Eventually.Until(() => Volatile.Read(ref _calls) == 1, "the check at start");
        await WaitForTimersAsync(1);

        _options.BalanceCheckInterval = TimeSpan.FromMinutes(5);
        _time.Advance(Interval);
        await Eventually.Until(() => Volatile.Read(ref _calls) == 2, "the check after the old interval");
        await WaitForTimersAsync(2);
        _time.Advance(TimeSpan.FromMinutes(5));
        await Eventually.Until(() => Volatile.Read(ref _calls) == 3, "the check after the new, shorter interval");

        await _monitor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_balance_below_the_warning_alerts_once_per_fall_with_a_daily_reminder()
    {
        Answer(400);
        await _monitor.CheckAsync(CancellationToken.None);
        var alert = Assert.Single(_alerts.All);
        Assert.Equal(OperatorAlertKind.ApiframeBalanceLow, alert.Kind);
        Assert.Null(alert.GuildId);
        Assert.Contains("400 credits", alert.Message, StringComparison.Ordinal);
        Assert.Contains("500", alert.Message, StringComparison.Ordinal);
        Assert.Contains("about 100 more images", alert.Message, StringComparison.Ordinal);

        // Still low an hour later: no second alert.
        _time.Advance(Interval);
        Answer(380);
        await _monitor.CheckAsync(CancellationToken.None);
        Assert.Single(_alerts.All);

        // Still low a day after the alert: one reminder.
        _time.Advance(TimeSpan.FromHours(23));
        await _monitor.CheckAsync(CancellationToken.None);
        Assert.Equal(2, _alerts.All.Count);

        // Topped up, then low again: news again at once.
        _time.Advance(Interval);
        Answer(5000);
        await _monitor.CheckAsync(CancellationToken.None);
        Answer(499);
        await _monitor.CheckAsync(CancellationToken.None);
        Assert.Equal(3, _alerts.All.Count);
        Assert.Contains("499 credits", _alerts.All[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_warning_level_means_no_alert_however_low_the_balance()
    {
        _options.LowBalanceWarning = null;
        Answer(0);

        Assert.Equal(0, await _monitor.CheckAsync(CancellationToken.None));
        Assert.Empty(_alerts.All);
    }

    [Fact]
    public async Task A_balance_exactly_at_the_warning_level_is_not_low()
    {
        Answer(500);

        await _monitor.CheckAsync(CancellationToken.None);

        Assert.Empty(_alerts.All);
    }

    [Fact]
    public async Task A_rejected_key_is_reported_once_until_a_check_succeeds_again()
    {
        Fail(ApiframeFailureKind.Unauthorized, 401);
        Assert.Null(await _monitor.CheckAsync(CancellationToken.None));
        Assert.Null(await _monitor.CheckAsync(CancellationToken.None));

        var alert = Assert.Single(_alerts.All);
        Assert.Equal(OperatorAlertKind.ApiKeyRejected, alert.Kind);
        Assert.Contains("Apiframe:ApiKey", alert.Message, StringComparison.Ordinal);

        Answer(1000);
        await _monitor.CheckAsync(CancellationToken.None);
        Fail(ApiframeFailureKind.Unauthorized, 401);
        await _monitor.CheckAsync(CancellationToken.None);
        Assert.Equal(2, _alerts.All.Count);
    }

    [Fact]
    public async Task Other_failures_keep_the_last_known_balance_and_raise_nothing()
    {
        Answer(1000);
        await _monitor.CheckAsync(CancellationToken.None);
        Fail(ApiframeFailureKind.Unavailable, 503);

        Assert.Null(await _monitor.CheckAsync(CancellationToken.None));

        Assert.Equal(1000, _monitor.LastBalance);
        Assert.Empty(_alerts.All);
    }

    [Fact]
    public async Task A_key_without_a_team_has_no_balance_and_no_alert()
    {
        Answer(null);

        Assert.Null(await _monitor.CheckAsync(CancellationToken.None));

        Assert.Null(_monitor.LastBalance);
        Assert.Empty(_alerts.All);
    }

    [Fact]
    public async Task A_key_without_a_team_is_a_warning_said_once_naming_the_setting_it_defeats()
    {
        Answer(null);
        var logs = new LogCapture();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var options = Substitute.For<IOptionsMonitor<SpendGuardOptions>>();
        options.CurrentValue.Returns(_ => _options);
        using var monitor = new ApiframeBalanceMonitor(_apiframe, _alerts, options, _time, factory.CreateLogger<ApiframeBalanceMonitor>());

        await monitor.CheckAsync(CancellationToken.None);
        await monitor.CheckAsync(CancellationToken.None);

        var warning = Assert.Single(logs.Lines, line => line.Message.Contains("belongs to no team", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Apiframe:LowBalanceWarning (500) can never warn", warning.Message, StringComparison.Ordinal);
    }

    private void Answer(long? credits)
    {
        lock (_answers)
        {
            _answers.Clear();
            _answers.Enqueue(ApiframeResult<ApiframeAccount>.Success(new ApiframeAccount(credits, "Team", "pro")));
        }
    }

    private void Fail(ApiframeFailureKind kind, int status)
    {
        lock (_answers)
        {
            _answers.Clear();
            _answers.Enqueue(ApiframeResult<ApiframeAccount>.Fail(new ApiframeFailure(kind, "Apiframe said no.") { StatusCode = status }));
        }
    }

    // The loop's Task.Delay registers a timer on the fake clock right after a check; advancing before that would be lost.
    private Task WaitForTimersAsync(int count) => Eventually.Until(() => _time.TimersCreated >= count, $"the monitor's wait number {count}");
}
