using Microsoft.Extensions.Logging;
using SeedreamBot.Bot.Invite;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Invite;

/// <summary>
/// The warnings an operator can act on, read from the real bot's log against the fakes: the bot lacking invite
/// permissions where members use it, and no daily budget.
/// </summary>
public sealed class StartupWarningsTests
{
    private const ulong OtherChannel = 1100000000000000250;

    // ViewChannel and AttachFiles taken away from the fake's defaults.
    private const ulong WithoutViewAndAttach = FakeDiscordServer.DefaultAppPermissions & ~((1UL << 10) | (1UL << 15));

    [Fact]
    public async Task Missing_invite_permissions_are_logged_once_per_channel_and_again_only_when_they_change()
    {
        await using var bot = await BotHarness.StartAsync();

        await CreditsAsync(bot, FakeDiscordServer.DefaultAppPermissions, BotHarness.ChannelId);
        await CreditsAsync(bot, WithoutViewAndAttach, BotHarness.ChannelId);
        await CreditsAsync(bot, WithoutViewAndAttach, BotHarness.ChannelId);
        await CreditsAsync(bot, WithoutViewAndAttach, OtherChannel);
        await CreditsAsync(bot, FakeDiscordServer.DefaultAppPermissions, BotHarness.ChannelId);
        await CreditsAsync(bot, WithoutViewAndAttach, BotHarness.ChannelId);

        var warnings = bot.Logs.Lines.Where(line => line.Category.EndsWith(nameof(ChannelPermissionWatch), StringComparison.Ordinal)).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, line => Assert.Equal(LogLevel.Warning, line.Level));
        Assert.Equal(2, warnings.Count(line => line.Message.Contains($"channel {BotHarness.ChannelId} of guild {BotHarness.GuildId}", StringComparison.Ordinal)));
        Assert.Single(warnings, line => line.Message.Contains($"channel {OtherChannel} ", StringComparison.Ordinal));
        Assert.All(warnings, line => Assert.StartsWith("The bot lacks View Channel, Attach Files in channel", line.Message, StringComparison.Ordinal));
        Assert.Contains("permissions=274878024704", warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_daily_budget_is_a_warning_at_every_start_and_a_budget_silences_it()
    {
        var options = new BotHarnessOptions { Settings = { ["Discord:GuildIds:0"] = null } };
        await using var bot = await BotHarness.StartAsync(options);

        var global = Assert.Single(bot.Logs.Lines, IsBudgetWarning);
        Assert.StartsWith("Commands are registered globally (Discord:GuildIds is empty)", global.Message, StringComparison.Ordinal);

        options.Settings["Apiframe:DailyCreditBudget"] = "400";
        await bot.RestartBotAsync();
        Assert.Single(bot.Logs.Lines, IsBudgetWarning);

        // With listed servers the daily budget is still the one cap on all servers together: the warning stays, without
        // the sentence about global commands.
        options.Settings.Remove("Apiframe:DailyCreditBudget");
        options.Settings["Discord:GuildIds:0"] = BotHarness.GuildId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await bot.RestartBotAsync();
        Assert.Equal(2, bot.Logs.Lines.Count(IsBudgetWarning));
        Assert.StartsWith("Apiframe:DailyCreditBudget is not set", bot.Logs.Lines.Last(IsBudgetWarning).Message, StringComparison.Ordinal);
        Assert.Contains(bot.Logs.Lines, line => line.Message.Contains("/oauth2/authorize?client_id=", StringComparison.Ordinal)
            && line.Message.EndsWith("&permissions=274878024704", StringComparison.Ordinal));
    }

    private static bool IsBudgetWarning(CapturedLog line) =>
        line.Level == LogLevel.Warning && line.Message.Contains("Apiframe:DailyCreditBudget is not set", StringComparison.Ordinal);

    private static async Task CreditsAsync(BotHarness bot, ulong appPermissions, ulong channelId)
    {
        var interaction = await bot.Discord.SlashCommand("credits")
            .InGuild(BotHarness.GuildId, channelId)
            .WithAppPermissions(appPermissions)
            .DispatchAsync();
        await interaction.WaitForInitialResponseAsync();
    }
}
