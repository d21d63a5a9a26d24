using System.Globalization;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Servers;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Operators;

/// <summary>Shorthands for the operator-tier tests: servers that are and are not the operator's, and /operator.</summary>
internal static class OperatorTestKit
{
    /// <summary>The application's owner in the fake Discord: an operator without any setting.</summary>
    public const ulong OwnerId = FakeDiscordServer.DefaultUserId;

    /// <summary>Someone's own server the operator never joined.</summary>
    public const ulong StrangerGuild = 1100000000000005001;

    public const ulong StrangerChannel = 1100000000000005002;

    /// <summary>A server the operator is a member of, not listed anywhere.</summary>
    public const ulong OwnersGuild = 1100000000000005101;

    public const ulong OwnersChannel = 1100000000000005102;

    /// <summary>The operator channel, in the harness's default server.</summary>
    public const ulong OperatorChannel = 1100000000000005900;

    public const ulong MemberId = 1100000000000005042;

    public const ulong StrangerOwnerId = 1100000000000005777;

    public const ulong Administrator = (1UL << 3) | FakeDiscordServer.DefaultMemberPermissions;

    public static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Adds the stranger's server (the operator is not in it) and makes the operator channel the alert channel.</summary>
    public static void SetUpStranger(this BotHarness bot, bool withOperatorChannel = true)
    {
        bot.Discord.AddGuild(StrangerGuild, "Stranger's place", StrangerOwnerId);
        if (withOperatorChannel)
        {
            bot.Get<IServerStore>().SetAlertChannel(OperatorChannel, OwnerId, "en-US");
        }
    }

    /// <summary>/imagine by a member of another server.</summary>
    public static FakeSlashCommandBuilder ImagineIn(this BotHarness bot, ulong guildId, ulong channelId, ulong userId = MemberId, string prompt = "a red kite") =>
        bot.Discord.SlashCommand("imagine").InGuild(guildId, channelId).By(userId, "visitor").WithString("prompt", prompt);

    /// <summary>/operator {subcommand}, by the owner in a DM with the bot (where it is registered without a home server).</summary>
    public static FakeSlashCommandBuilder Operator(this BotHarness bot, string subcommand, ulong userId = OwnerId) =>
        bot.Discord.SlashCommand("operator").InDirectMessage().By(userId, "operator").WithSubcommand(subcommand);

    /// <summary>The request the operators got for <paramref name="guildId"/>, in the operator channel.</summary>
    public static Task<FakeMessage> RequestMessageAsync(this BotHarness bot, ulong guildId, ulong channelId = OperatorChannel) =>
        bot.Discord.WaitForMessageAsync(channelId, message => message.CustomIds.Contains("op:approve:" + Id(guildId)));

    /// <summary>Waits until the bot has handled a refused interaction from <paramref name="guildId"/> to its end (the request step included).</summary>
    public static Task AlreadyAskedAsync(this BotHarness bot, ulong guildId, int times) =>
        Eventually.Until(
            () => bot.Logs.Lines.Count(line => line.Message.StartsWith($"Server {Id(guildId)} is not admitted; its operators were asked before", StringComparison.Ordinal)),
            count => count >= times,
            $"server {guildId}'s repeated request to be handled");

    /// <summary>Nothing moved: no ledger entry in the server and its pool untouched.</summary>
    public static void AssertNothingHeldOrCharged(this BotHarness bot, ulong guildId)
    {
        Assert.Equal(0, bot.Get<ICreditModeration>().GetHistory(guildId).TotalEntries);
        var pool = bot.Get<ICreditLedger>().PeekServerPool(guildId);
        Assert.Equal((0L, 0L), (pool.Spent, pool.Held));
        Assert.Empty(bot.Get<ICreditLedger>().GetOpenHolds());
    }
}
