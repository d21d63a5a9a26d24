using Microsoft.Extensions.Logging;
using SeedreamBot.Core.Guilds;
using SeedreamBot.Core.Servers;
using SeedreamBot.Core.Storage;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>
/// The bot-wide spending brakes, end to end: the daily budget and the low-balance warning. Their alerts go to the
/// operators (the operator channel, or each operator by DM) and never to a server's quota log channel.
/// </summary>
public sealed class SpendingEndToEndTests
{
    private const ulong LogChannelId = 1100000000000000777;

    private const ulong OperatorChannelId = 1100000000000000888;

    [Fact]
    public async Task With_a_budget_of_one_image_the_second_is_refused_privately_and_operators_hear_once()
    {
        await using var bot = await BotHarness.StartAsync(new BotHarnessOptions
        {
            Settings = new() { ["Apiframe:DailyCreditBudget"] = "4", ["Apiframe:CreditsPerGeneration"] = "4" },
        });
        bot.Get<IGuildSettingsStore>().SetLogChannel(BotHarness.GuildId, LogChannelId);
        bot.Get<IServerStore>().SetAlertChannel(OperatorChannelId, FakeDiscordServer.DefaultUserId);

        var first = await bot.Discord.SlashCommand("imagine").By(42, "ada").WithString("prompt", "a red bicycle").DispatchAsync();
        await first.WaitForOriginalAsync(message => message.Attachments.Count == 1, TimeSpan.FromSeconds(20));

        var second = await bot.Discord.SlashCommand("imagine").By(43, "grace").WithString("prompt", "a blue kite").DispatchAsync();
        var refusal = await PrivateReplyAsync(second);
        Assert.Contains("budget", refusal, StringComparison.OrdinalIgnoreCase);

        var alert = await bot.Discord.WaitForMessageAsync(OperatorChannelId, message => message.Embeds.Count > 0);
        Assert.Contains("DailyCreditBudget", alert.Embeds[0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);

        // A third attempt is refused too, without a second alert (alerts are raised before the refusal is sent).
        var third = await bot.Discord.SlashCommand("imagine").By(44, "linus").WithString("prompt", "a green boat").DispatchAsync();
        Assert.Contains("budget", await PrivateReplyAsync(third), StringComparison.OrdinalIgnoreCase);
        Assert.Single(bot.Logs.Lines, line => line.Level == LogLevel.Critical && line.Message.Contains("DailyBudgetReached", StringComparison.Ordinal));
        Assert.Single(bot.Discord.Messages(OperatorChannelId));
        Assert.Empty(bot.Discord.Messages(LogChannelId));
        Assert.Equal(1, bot.Apiframe.JobsCreated);
    }

    [Fact]
    public async Task A_team_balance_below_the_warning_lands_in_the_operator_channel_at_start_and_in_no_servers_log_channel()
    {
        // Both channels are set before the bot starts, as by an operator and a server that configured them long ago.
        var databasePath = Path.Combine(Path.GetTempPath(), "seedreambot-test-" + Guid.NewGuid().ToString("N"), "bot.db");
        using (var database = new SeedreamDatabase(databasePath))
        {
            new GuildSettingsStore(database, TimeProvider.System).SetLogChannel(BotHarness.GuildId, LogChannelId);
            new GuildSettingsStore(database, TimeProvider.System).SetLogChannel(BotHarness.GuildId + 1, LogChannelId + 1);
            new ServerStore(database, TimeProvider.System).SetAlertChannel(OperatorChannelId, FakeDiscordServer.DefaultUserId);
        }

        try
        {
            await using var bot = await BotHarness.StartAsync(new BotHarnessOptions
            {
                DatabasePath = databasePath,
                Settings = new() { ["Apiframe:LowBalanceWarning"] = "5000" },
            });

            var alert = await bot.Discord.WaitForMessageAsync(OperatorChannelId, message => message.Embeds.Count > 0);
            var text = alert.Embeds[0]!["description"]!.GetValue<string>();
            Assert.Contains($"{bot.Apiframe.TeamCredits} credits", text, StringComparison.Ordinal);
            Assert.Contains("LowBalanceWarning", text, StringComparison.Ordinal);
            Assert.Contains(bot.Logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("below Apiframe:LowBalanceWarning", StringComparison.Ordinal));

            // Checked once the alert is out (alerts go out one at a time, in order): no server's log channel got it.
            Assert.Empty(bot.Discord.Messages(LogChannelId));
            Assert.Empty(bot.Discord.Messages(LogChannelId + 1));
            Assert.Single(bot.Discord.Messages(OperatorChannelId));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(databasePath)!, recursive: true);
        }
    }

    [Fact]
    public async Task Without_an_operator_channel_a_low_balance_alert_reaches_each_operator_by_DM()
    {
        await using var bot = await BotHarness.StartAsync(new BotHarnessOptions
        {
            Settings = { ["Apiframe:LowBalanceWarning"] = "5000", ["Operator:UserIds:0"] = "1100000000000000555" },
        });
        bot.Get<IGuildSettingsStore>().SetLogChannel(BotHarness.GuildId, LogChannelId);

        foreach (var operatorId in new[] { FakeDiscordServer.DefaultUserId, 1100000000000000555UL })
        {
            var channel = await Eventually.Until(() => bot.Discord.DirectMessageChannelOf(operatorId), id => id is not null, $"a DM with {operatorId}");
            var alert = await bot.Discord.WaitForMessageAsync(channel!.Value, message => message.Embeds.Count > 0);
            Assert.Contains("LowBalanceWarning", alert.Embeds[0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Empty(bot.Discord.Messages(LogChannelId));
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
