using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Bot.Operations;

/// <summary>
/// Reads the Apiframe team balance at start and every <c>Apiframe:BalanceCheckInterval</c>, keeps it for the
/// metrics and the health endpoint, and tells the operators (log and guild log channels) when it falls below
/// <c>Apiframe:LowBalanceWarning</c>: once when it crosses the line, then at most once a day while it stays low.
/// A rejected API key is reported at once, before any member runs into it.
/// </summary>
public sealed partial class ApiframeBalanceMonitor : BackgroundService
{
    private static readonly TimeSpan ReminderInterval = TimeSpan.FromDays(1);

    private readonly ISeedreamClient _apiframe;
    private readonly IOperatorAlerts _alerts;
    private readonly IOptionsMonitor<SpendGuardOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ApiframeBalanceMonitor> _logger;
    private readonly Lock _gate = new();
    private long? _lastBalance;
    private DateTimeOffset? _lastCheckedAt;
    private DateTimeOffset? _lowAlertedAt;
    private bool _reportedNoTeam;
    private bool _reportedRejectedKey;

    public ApiframeBalanceMonitor(
        ISeedreamClient apiframe,
        IOperatorAlerts alerts,
        IOptionsMonitor<SpendGuardOptions> options,
        TimeProvider time,
        ILogger<ApiframeBalanceMonitor> logger)
    {
        _apiframe = apiframe;
        _alerts = alerts;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>The team's credits at the last successful check; null before it, or when the key has no team.</summary>
    public long? LastBalance
    {
        get
        {
            lock (_gate)
            {
                return _lastBalance;
            }
        }
    }

    /// <summary>When the balance was last read successfully.</summary>
    public DateTimeOffset? LastCheckedAt
    {
        get
        {
            lock (_gate)
            {
                return _lastCheckedAt;
            }
        }
    }

    /// <summary>Reads the balance now and reacts to it. Returns the balance, or null when it could not be read.</summary>
    public async Task<long?> CheckAsync(CancellationToken cancellationToken)
    {
        var result = await _apiframe.GetAccountAsync(cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            OnFailure(result.Failure);
            return null;
        }

        var account = result.Value;
        lock (_gate)
        {
            _lastCheckedAt = _time.GetUtcNow();
            _lastBalance = account.TeamCredits;
            _reportedRejectedKey = false;
        }

        if (account.TeamCredits is not { } credits)
        {
            if (!_reportedNoTeam)
            {
                // Said once: the operator can act on it (a key made inside a team), and nothing else will tell them.
                _reportedNoTeam = true;
                if (_options.CurrentValue.LowBalanceWarning is { } warning)
                {
                    LogNoTeamNoWarning(warning);
                }
                else
                {
                    LogNoTeam();
                }
            }

            return null;
        }

        LogBalance(credits, account.TeamName ?? "(unnamed)");
        CompareWithWarning(credits);
        return credits;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await CheckAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // One failed check (a bug, a timeout the client did not turn into a failure) is no reason to stop
                    // watching the balance, or to stop the host.
                    LogCheckFailed(exception);
                }

                await Task.Delay(_options.CurrentValue.BalanceCheckInterval, _time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void CompareWithWarning(long credits)
    {
        var options = _options.CurrentValue;
        if (options.LowBalanceWarning is not { } warning || credits >= warning)
        {
            // Above the line (again): the next fall below it is news.
            _lowAlertedAt = null;
            return;
        }

        LogLowBalance(credits, warning);
        var now = _time.GetUtcNow();
        if (_lowAlertedAt is { } alerted && now - alerted < ReminderInterval)
        {
            return;
        }

        _lowAlertedAt = now;
        var images = credits / options.CreditsPerGeneration;
        _alerts.Raise(new OperatorAlert(
            OperatorAlertKind.ApiframeBalanceLow,
            string.Create(CultureInfo.InvariantCulture,
                $"The Apiframe team balance is {credits} credits, below the warning level of {warning} (Apiframe:LowBalanceWarning): " +
                $"enough for about {images} more images. Top up the Apiframe account so image making does not stop.")));
    }

    private void OnFailure(ApiframeFailure failure)
    {
        LogCheckFailed(failure.Kind, failure.StatusCode, failure.Message, _options.CurrentValue.BalanceCheckInterval);
        if (failure.Kind == ApiframeFailureKind.Unauthorized && !_reportedRejectedKey)
        {
            _reportedRejectedKey = true;
            _alerts.Raise(new OperatorAlert(
                OperatorAlertKind.ApiKeyRejected,
                "Apiframe rejected the bot's API key when the bot read its balance, so images cannot be made. " +
                "Check Apiframe:ApiKey (it must be an active key starting with afk_, from the Apiframe dashboard)."));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the Apiframe balance failed; trying again at the next interval")]
    private partial void LogCheckFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Apiframe team {TeamName} has {TeamCredits} credits left")]
    private partial void LogBalance(long teamCredits, string teamName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Apiframe team balance of {TeamCredits} credits is below Apiframe:LowBalanceWarning ({LowBalanceWarning}); top up the account")]
    private partial void LogLowBalance(long teamCredits, long lowBalanceWarning);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Apiframe API key belongs to no team, so the bot cannot read the credit balance: Apiframe:LowBalanceWarning ({LowBalanceWarning}) can never warn, and /healthz and /metrics show no balance. Use a key created in an Apiframe team")]
    private partial void LogNoTeamNoWarning(long lowBalanceWarning);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Apiframe API key belongs to no team, so the bot cannot read the credit balance: /healthz and /metrics show none, and a low balance can never be warned about. Use a key created in an Apiframe team")]
    private partial void LogNoTeam();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the Apiframe balance failed ({FailureKind}, HTTP {StatusCode}): {FailureMessage}. Next try in {Interval}")]
    private partial void LogCheckFailed(ApiframeFailureKind failureKind, int? statusCode, string failureMessage, TimeSpan interval);
}
