using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Jobs;

namespace SeedreamBot.Bot.Operations;

/// <summary>
/// How fast the bot spends the server's Apiframe credits (meter <c>SeedreamBot.Operations</c>): the team balance
/// the monitor last read, today's spend, and the daily budget when one is set.
/// </summary>
public sealed class OperationsMetrics
{
    public const string MeterName = "SeedreamBot.Operations";

    public OperationsMetrics(IMeterFactory meterFactory, IServiceProvider services, IOptionsMonitor<SpendGuardOptions> options)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);

        // The meter provider builds this early (while the host is built); the monitor and the spend guard, which open
        // the database and the Apiframe client, are only resolved when a scrape asks for the values.
        var balance = new Lazy<ApiframeBalanceMonitor>(services.GetRequiredService<ApiframeBalanceMonitor>);
        var spend = new Lazy<DailySpendGuard>(services.GetRequiredService<DailySpendGuard>);
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge(
            "seedreambot.apiframe.balance",
            () => balance.Value.LastBalance is { } credits ? [new Measurement<long>(credits)] : Array.Empty<Measurement<long>>(),
            unit: "{credit}",
            description: "The Apiframe team's remaining credits at the last balance check.");
        meter.CreateObservableGauge(
            "seedreambot.apiframe.spent_today",
            () => SpentToday(spend.Value),
            unit: "{credit}",
            description: "Apiframe credits spent or committed since midnight UTC.");
        meter.CreateObservableGauge(
            "seedreambot.apiframe.daily_budget",
            () => options.CurrentValue.DailyCreditBudget is { } budget ? [new Measurement<long>(budget)] : Array.Empty<Measurement<long>>(),
            unit: "{credit}",
            description: "Apiframe:DailyCreditBudget, when set.");
    }

    private static IEnumerable<Measurement<long>> SpentToday(DailySpendGuard spend)
    {
        try
        {
            return [new Measurement<long>(spend.SpentToday)];
        }
        catch (ObjectDisposedException)
        {
            // A scrape racing shutdown: the database is already closed.
            return [];
        }
    }
}
