using System.Text.Json.Nodes;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Credits;

/// <summary>What the bot registers for /credits and /quota, as the fake Discord received it.</summary>
public sealed class QuotaCommandRegistrationTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await QuotaTestKit.StartBotAsync();

    public async Task DisposeAsync() => await QuotaTestKit.StopBotAsync(_bot);

    [Fact]
    public void Quota_is_registered_for_manage_server_in_guilds_only_with_every_subcommand()
    {
        var quota = _bot.Discord.GuildCommands(BotHarness.GuildId).Single(c => c["name"]!.GetValue<string>() == "quota");

        Assert.Equal("32", quota["default_member_permissions"]!.GetValue<string>());
        Assert.Equal([0], (quota["contexts"] as JsonArray)!.Select(c => c!.GetValue<int>()));
        var options = (quota["options"] as JsonArray)!.Select(o => o!.AsObject()).ToList();
        Assert.Equal(
            ["grant", "take", "set", "reset", "allowance", "allowance-clear", "block", "unblock", "history", "top", "export", "log-channel", "settings", "banlist"],
            options.Select(o => o["name"]!.GetValue<string>()));

        Assert.Equal(["user", "amount", "reason"], Names(options[0]));
        Assert.Equal(["user", "amount", "reason"], Names(options[1]));
        Assert.Equal(["user", "amount", "reason"], Names(options[2]));
        Assert.Equal(["user", "reason"], Names(options[3]));
        Assert.Equal(["amount", "period", "role", "user"], Names(options[4]));
        Assert.Equal(["user", "reason"], Names(options[6]));
        Assert.Equal(["user", "reason"], Names(options[7]));
        Assert.Equal(["user", "page"], Names(options[8]));
        Assert.Equal(["period"], Names(options[9]));
        Assert.Equal(["channel"], Names(options[11]));

        var amount = (options[0]["options"] as JsonArray)![1]!;
        Assert.Equal(1, amount["min_value"]!.GetValue<double>());
        Assert.Equal(10_000, amount["max_value"]!.GetValue<double>());

        var banlist = options[13];
        Assert.Equal(2, banlist["type"]!.GetValue<int>());
        Assert.Equal(["add", "remove", "list"], Names(banlist));
        Assert.Equal(["term"], Names((banlist["options"] as JsonArray)![0]!.AsObject()));
    }

    [Fact]
    public void Credits_is_open_to_everyone_in_servers_and_direct_messages()
    {
        var credits = _bot.Discord.GuildCommands(BotHarness.GuildId).Single(c => c["name"]!.GetValue<string>() == "credits");
        Assert.Null(credits["default_member_permissions"]);
        Assert.Equal([0, 1], (credits["contexts"] as JsonArray)!.Select(c => c!.GetValue<int>()));
        Assert.Equal(["user"], Names(credits));
    }

    private static IEnumerable<string> Names(JsonObject command) =>
        (command["options"] as JsonArray ?? []).Select(o => o!["name"]!.GetValue<string>());
}
