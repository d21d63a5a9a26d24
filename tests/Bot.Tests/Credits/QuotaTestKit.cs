using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SeedreamBot.Core.Credits;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Credits;

/// <summary>Shorthands for the credits tests: a moderator's /quota, a member's /credits, and reading private replies.</summary>
internal static class QuotaTestKit
{
    public const ulong ManageGuild = 1UL << 5;
    public const ulong ModeratorPermissions = FakeDiscordServer.DefaultMemberPermissions | ManageGuild;
    public const ulong ModeratorId = 1100000000000009001;
    public const ulong MemberId = 1100000000000000042;
    public const ulong LogChannelId = 1100000000000000777;

    private static readonly ConcurrentDictionary<BotHarness, byte> Running = new();

    /// <summary>Starts a bot whose logs a timed-out wait can show (see <see cref="PrivateReplyAsync"/>).</summary>
    public static async Task<BotHarness> StartBotAsync(BotHarnessOptions? options = null)
    {
        var bot = await BotHarness.StartAsync(options);
        Running[bot] = 0;
        return bot;
    }

    public static async Task StopBotAsync(BotHarness bot)
    {
        Running.TryRemove(bot, out _);
        await bot.DisposeAsync();
    }

    /// <summary>/quota {subcommand} by a moderator (Manage Server in member.permissions).</summary>
    public static FakeSlashCommandBuilder Quota(this BotHarness bot, string subcommand) =>
        bot.Discord.SlashCommand("quota").By(ModeratorId, "mod").WithMemberPermissions(ModeratorPermissions).WithSubcommand(subcommand);

    /// <summary>/quota banlist {subcommand} by a moderator.</summary>
    public static FakeSlashCommandBuilder BanList(this BotHarness bot, string subcommand) =>
        bot.Discord.SlashCommand("quota").By(ModeratorId, "mod").WithMemberPermissions(ModeratorPermissions)
            .WithSubcommandGroup("banlist", subcommand);

    public static FakeSlashCommandBuilder Credits(this BotHarness bot, ulong userId = MemberId) =>
        bot.Discord.SlashCommand("credits").By(userId, "ada");

    public static CreditBalance Balance(this BotHarness bot, ulong userId = MemberId, params ulong[] roles) =>
        bot.Get<ICreditLedger>().GetBalance(new CreditMember(new CreditScope(BotHarness.GuildId, userId), roles));

    /// <summary>Sets the log channel through the command and waits for the notice there.</summary>
    public static async Task SetLogChannelAsync(this BotHarness bot, ulong channelId = LogChannelId)
    {
        var set = await bot.Quota("log-channel").WithChannel("channel", channelId, "mod-log").DispatchAsync();
        await set.PrivateReplyAsync();
        await bot.Discord.WaitForMessageAsync(channelId, message => message.Text().Contains("quota log", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The first reply only the invoker sees: an ephemeral initial response, a deferred ephemeral original once
    /// edited, or an ephemeral follow-up. Fails if the bot answers publicly instead.
    /// </summary>
    public static async Task<FakeMessage> PrivateReplyAsync(this FakeInteraction interaction)
    {
        FakeMessage? message;
        try
        {
            message = await Eventually.Until(
                () =>
                {
                    var original = interaction.Original;
                    if (original is { IsLoading: false, Deleted: false } && interaction.InitialResponse is { Type: 4 or 5 })
                    {
                        return original;
                    }

                    return interaction.Followups.FirstOrDefault(m => m.IsEphemeral);
                },
                m => m is not null,
                $"a reply to {interaction}");
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException(exception.Message + Diagnostics(interaction), exception);
        }

        Assert.True(message!.IsEphemeral, $"The reply should be private: {message.Text()}");
        return message;
    }

    /// <summary>Everything a reader sees in a message: content, embed titles, descriptions, fields and footers.</summary>
    public static string Text(this FakeMessage message)
    {
        var text = new StringBuilder(message.Content);
        foreach (var embed in message.Embeds.OfType<JsonObject>())
        {
            Append(text, embed["title"]);
            Append(text, embed["description"]);
            foreach (var field in embed["fields"] as JsonArray ?? [])
            {
                Append(text, field?["name"]);
                Append(text, field?["value"]);
            }

            Append(text, embed["footer"]?["text"]);
        }

        return text.ToString();
    }

    /// <summary>The value of the embed field called <paramref name="name"/> in the first embed.</summary>
    public static string Field(this FakeMessage message, string name) =>
        (message.Embeds[0]!["fields"] as JsonArray ?? [])
            .FirstOrDefault(field => field?["name"]?.GetValue<string>() == name)?["value"]?.GetValue<string>()
        ?? throw new Xunit.Sdk.XunitException($"No field '{name}' in: {message.Text()}");

    /// <summary>What the bot logged and what the fake Discord received, for a wait that timed out.</summary>
    private static string Diagnostics(FakeInteraction interaction)
    {
        var bot = Running.Keys.FirstOrDefault(candidate => candidate.Discord.Interaction(interaction.Id) is not null);
        if (bot is null)
        {
            return "";
        }

        var text = new StringBuilder("\n--- bot log (last 80 lines) ---\n");
        foreach (var line in bot.Logs.Lines.TakeLast(80))
        {
            text.Append(line).Append('\n');
        }

        text.Append("--- Discord calls (last 30) ---\n");
        foreach (var call in bot.Discord.Calls.TakeLast(30))
        {
            text.Append(call.ReceivedAt.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)).Append(' ').Append(call).Append('\n');
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var s))
        {
            text.Append('\n').Append(s);
        }
    }
}
