using Microsoft.Extensions.Logging;
using SeedreamBot.Core.Guilds;
using SeedreamBot.Core.Storage;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>The bot-wide spending brakes, end to end: the daily budget and the low-balance warning.</summary>
public sealed class SpendingEndToEndTests
{
    private const ulong LogChannelId = 1100000000000000777;

    [Fact]
    public async Task With_a_budget_of_one_image_the_second_is_refused_privately_and_operators_hear_once()
    {
        await using var bot = await BotHarness.StartAsync(new BotHarnessOptions
        {
            Settings = new() { ["Apiframe:DailyCreditBudget"] = "4", ["Apiframe:CreditsPerGeneration"] = "4" },
        });
        bot.Get<IGuildSettingsStore>().SetLogChannel(BotHarness.GuildId, LogChannelId);

        var first = await bot.Discord.SlashCommand("imagine").By(42, "ada").WithString("prompt", "a red bicycle").DispatchAsync();
        await first.WaitForOriginalAsync(message => message.Attachments.Count == 1, TimeSpan.FromSeconds(20));

        var second = await bot.Discord.SlashCommand("imagine").By(43, "grace").WithString("prompt", "a blue kite").DispatchAsync();
        var refusal = await PrivateReplyAsync(second);
        Assert.Contains("budget", refusal, StringComparison.OrdinalIgnoreCase);

        var alert = await bot.Discord.WaitForMessageAsync(LogChannelId, message => message.Embeds.Count > 0);
        Assert.Contains("DailyCreditBudget", alert.Embeds[0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);

        // A third attempt is refused too, without a second alert (alerts are raised before the refusal is sent).
        var third = await bot.Discord.SlashCommand("imagine").By(44, "linus").WithString("prompt", "a green boat").DispatchAsync();
        Assert.Contains("budget", await PrivateReplyAsync(third), StringComparison.OrdinalIgnoreCase);
        Assert.Single(bot.Logs.Lines, line => line.Level == LogLevel.Critical && line.Message.Contains("DailyBudgetReached", StringComparison.Ordinal));
        Assert.Single(bot.Discord.Messages(LogChannelId));
        Assert.Equal(1, bot.Apiframe.JobsCreated);
    }

    [Fact]
    public async Task A_team_balance_below_the_warning_is_posted_to_the_log_channel_at_start()
    {
        // The log channel is set before the bot starts, as on a server that configured it long ago.
        var databasePath = Path.Combine(Path.GetTempPath(), "seedreambot-test-" + Guid.NewGuid().ToString("N"), "bot.db");
        using (var database = new SeedreamDatabase(databasePath))
        {
            new GuildSettingsStore(database, TimeProvider.System).SetLogChannel(BotHarness.GuildId, LogChannelId);
        }

        try
        {
            await using var bot = await BotHarness.StartAsync(new BotHarnessOptions
            {
                DatabasePath = databasePath,
                Settings = new() { ["Apiframe:LowBalanceWarning"] = "5000" },
            });

            var alert = await bot.Discord.WaitForMessageAsync(LogChannelId, message => message.Embeds.Count > 0);
            var text = alert.Embeds[0]!["description"]!.GetValue<string>();
            Assert.Contains($"{bot.Apiframe.TeamCredits} credits", text, StringComparison.Ordinal);
            Assert.Contains("LowBalanceWarning", text, StringComparison.Ordinal);
            Assert.Contains(bot.Logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("below Apiframe:LowBalanceWarning", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(databasePath)!, recursive: true);
        }
    }

    private static async Task<string> PrivateReplyAsync(FakeInteraction interaction)
    {
        var initial = await interaction.WaitForInitialResponseAsync();
        if (initial.Type == 4)
        {
            var original = await interaction.WaitForOriginalAsync();
            Assert.True(original.IsEphemeral, "A refusal must be private.");
            return original.Content;
        }

        var followup = await interaction.WaitForFollowupAsync(message => message.IsEphemeral);
        return followup.Content;
    }
}
