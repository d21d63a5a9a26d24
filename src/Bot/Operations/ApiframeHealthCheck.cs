using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Bot.Operations;

/// <summary>
/// Reports when Apiframe last answered well. Never unhealthy, only degraded: restarting the bot does not fix
/// Apiframe, a rejected key or an empty account, and the bot keeps answering members with a clear message meanwhile.
/// Degraded when the last attempt failed, or nothing was heard for two balance-check intervals (the balance monitor
/// calls Apiframe at least that often).
/// </summary>
public sealed class ApiframeHealthCheck : IHealthCheck
{
    public const string Name = "apiframe";

    private readonly ApiframeContact _contact;
    private readonly ApiframeBalanceMonitor _balance;
    private readonly IOptionsMonitor<SpendGuardOptions> _options;
    private readonly TimeProvider _time;

    public ApiframeHealthCheck(
        ApiframeContact contact,
        ApiframeBalanceMonitor balance,
        IOptionsMonitor<SpendGuardOptions> options,
        TimeProvider time)
    {
        _contact = contact;
        _balance = balance;
        _options = options;
        _time = time;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var contact = _contact.Snapshot;
        var data = new Dictionary<string, object>();
        if (contact.LastSuccessAt is { } success)
        {
            data["last_success"] = success;
            data["last_success_seconds_ago"] = Math.Round((now - success).TotalSeconds, 1);
        }

        if (contact.LastFailureAt is { } failure)
        {
            data["last_failure"] = failure;
            data["last_failure_status"] = contact.LastFailureStatus ?? "unknown";
        }

        if (_balance.LastBalance is { } balance)
        {
            data["team_credits"] = balance;
        }

        if (contact.LastAttemptFailed)
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                $"The last Apiframe call failed ({Describe(contact.LastFailureStatus)}).", data: data));
        }

        if (contact.LastSuccessAt is not { } last)
        {
            return Task.FromResult(HealthCheckResult.Degraded("Apiframe has not been contacted yet.", data: data));
        }

        var staleAfter = _options.CurrentValue.BalanceCheckInterval * 2;
        if (now - last > staleAfter)
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                string.Create(CultureInfo.InvariantCulture, $"No answer from Apiframe for {(now - last).TotalMinutes:0} minutes."), data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy("Apiframe answers.", data));
    }

    private static string Describe(string? status) => status switch
    {
        "401" or "403" => "HTTP " + status + ": the API key was rejected; check Apiframe:ApiKey",
        "402" => "HTTP 402: the Apiframe team is out of credits; top up the account",
        "429" => "HTTP 429: rate limited",
        "network" => "network error",
        "canceled" => "timed out",
        null => "unknown",
        _ => "HTTP " + status,
    };
}
