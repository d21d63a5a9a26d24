using Microsoft.Extensions.Logging;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Fakes.Shared;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>Discord resets the token of a bot that exceeds its daily identifies, so none may be sent without budget.</summary>
public sealed class GatewayIdentifyBudgetTests
{
    [Fact]
    public async Task No_identify_is_sent_while_the_session_start_budget_is_used_up()
    {
        var resetAfter = TimeSpan.FromHours(3);
        var time = new TimerCountingTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var harness = await GatewayHarness.StartAsync(
            fake =>
            {
                fake.SessionStartRemaining = 0;
                fake.SessionStartResetAfter = resetAfter;
            },
            time: time);

        await harness.WaitForStatusAsync(
            s => s.Shards.Count == 1 && s.Shards[0].State == GatewayConnectionState.WaitingForIdentifyBudget,
            "waiting for the identify budget");

        // The shard is parked: the only thing left to wake it is one timer, due when Discord resets the budget. Time
        // is the test's, so nothing can happen until the test moves it.
        await WaitUntilAsync(() => time.DueTimes.Contains(resetAfter), "the shard to wait for the budget's reset");
        Assert.Equal(1, harness.Host.InfoSource.Calls);
        Assert.Equal(0, harness.Fake.ConnectionCount);
        Assert.Empty(harness.Fake.IdentifyPayloads);
        Assert.Equal(0, harness.Fake.BudgetViolations);
        var warning = Assert.Single(harness.Logs.Entries, log => log.Level == LogLevel.Warning && log.Message.Contains("session-start budget", StringComparison.Ordinal));
        Assert.Contains("0 of 1000", warning.Message, StringComparison.Ordinal);
        Assert.Contains("03:00:00", warning.Message, StringComparison.Ordinal);
        Assert.Equal(GatewayConnectionState.WaitingForIdentifyBudget, harness.Gateway.GetStatus().Shards[0].State);

        // A moment before the reset it still waits; at the reset it asks Discord again (still 0 left: it waits again).
        time.Advance(resetAfter - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, harness.Host.InfoSource.Calls);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitUntilAsync(() => harness.Host.InfoSource.Calls == 2, "the shard to ask for the budget again at the reset");
        Assert.Equal(0, harness.Fake.ConnectionCount);
        Assert.Empty(harness.Fake.IdentifyPayloads);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task The_last_session_start_is_used_and_then_resumes_still_work()
    {
        await using var harness = await GatewayHarness.StartAsync(fake => fake.SessionStartRemaining = 1);
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);

        await harness.Fake.DropAsync();
        await harness.Fake.WaitForResumeAsync();

        Assert.Equal(0, harness.Fake.SessionStartsRemaining);
        Assert.Equal(0, harness.Fake.BudgetViolations);
        Assert.Single(harness.Fake.IdentifyPayloads);
    }
}
