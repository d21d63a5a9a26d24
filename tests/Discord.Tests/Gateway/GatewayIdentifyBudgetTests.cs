using Microsoft.Extensions.Logging;
using SeedreamBot.Discord.Gateway;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>Discord resets the token of a bot that exceeds its daily identifies, so none may be sent without budget.</summary>
public sealed class GatewayIdentifyBudgetTests
{
    [Fact]
    public async Task No_identify_is_sent_while_the_session_start_budget_is_used_up()
    {
        await using var harness = await GatewayHarness.StartAsync(fake =>
        {
            fake.SessionStartRemaining = 0;
            fake.SessionStartResetAfter = TimeSpan.FromHours(3);
        });

        await harness.WaitForStatusAsync(
            s => s.Shards.Count == 1 && s.Shards[0].State == GatewayConnectionState.WaitingForIdentifyBudget,
            "waiting for the identify budget");
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.Equal(0, harness.Fake.ConnectionCount);
        Assert.Empty(harness.Fake.IdentifyPayloads);
        Assert.Equal(0, harness.Fake.BudgetViolations);
        var warning = Assert.Single(harness.Logs.Entries, log => log.Level == LogLevel.Warning && log.Message.Contains("session-start budget", StringComparison.Ordinal));
        Assert.Contains("0 of 1000", warning.Message, StringComparison.Ordinal);
        Assert.Contains("03:00:00", warning.Message, StringComparison.Ordinal);
        Assert.Equal(GatewayConnectionState.WaitingForIdentifyBudget, harness.Gateway.GetStatus().Shards[0].State);
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
