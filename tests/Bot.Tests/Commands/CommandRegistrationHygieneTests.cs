using System.Globalization;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeedreamBot.Bot.Commands;
using SeedreamBot.Discord.Rest;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Fakes.Discord.Gateway;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Commands;

/// <summary>
/// Switching between <c>Discord:GuildIds</c> and global registration leaves the bot's commands in one place only,
/// against the fake Discord, which keeps every scope's commands as Discord does.
/// </summary>
public sealed class CommandRegistrationHygieneTests : IAsyncLifetime
{
    private const ulong SecondGuild = 1100000000000000700;
    private const ulong HomeGuild = 1100000000000000800;
    private const string GuildIdsKey = "Discord:GuildIds:0";

    // /operator lives in the operators' own server throughout, so the scopes these tests move hold the other commands.
    private readonly BotHarnessOptions _options = new()
    {
        Discord = { Guilds = { new FakeGuild(SecondGuild, "Second server"), new FakeGuild(HomeGuild, "Operators' server") } },
        Settings = { ["Operator:HomeServerId"] = HomeGuild.ToString(CultureInfo.InvariantCulture) },
    };

    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync(_options);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Switching_from_a_listed_server_to_global_removes_the_commands_from_that_server()
    {
        await RegistrationDoneAsync();
        var names = Names(_bot.Discord.GuildCommands(BotHarness.GuildId));
        Assert.Contains("imagine", names);
        Assert.Empty(_bot.Discord.GlobalCommands);

        _options.Settings[GuildIdsKey] = null;
        await _bot.RestartBotAsync();
        await RegistrationDoneAsync();

        Assert.Equal(names, Names(_bot.Discord.GlobalCommands));
        Assert.Empty(_bot.Discord.GuildCommands(BotHarness.GuildId));
        var removed = Assert.Single(_bot.Logs.Lines, line => line.Message.StartsWith("Removed the bot's", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, removed.Level);
        Assert.Contains($"{names.Count} commands from guild {BotHarness.GuildId}: they are registered globally now", removed.Message, StringComparison.Ordinal);

        // A member using /credits there now reaches the global command, not a second copy.
        var interaction = await _bot.Discord.SlashCommand("credits").DispatchAsync();
        Assert.Null(interaction.Json["data"]!["guild_id"]);
    }

    [Fact]
    public async Task Switching_from_global_to_listed_servers_removes_the_global_commands()
    {
        await RegistrationDoneAsync();
        var names = Names(_bot.Discord.GuildCommands(BotHarness.GuildId));
        _options.Settings[GuildIdsKey] = null;
        await _bot.RestartBotAsync();
        await RegistrationDoneAsync();
        Assert.Equal(names, Names(_bot.Discord.GlobalCommands));

        _options.Settings[GuildIdsKey] = SecondGuild.ToString(CultureInfo.InvariantCulture);
        await _bot.RestartBotAsync();
        await RegistrationDoneAsync();

        Assert.Empty(_bot.Discord.GlobalCommands);
        Assert.Equal(names, Names(_bot.Discord.GuildCommands(SecondGuild)));
        Assert.Empty(_bot.Discord.GuildCommands(BotHarness.GuildId));
        Assert.Contains(_bot.Logs.Lines, line => line.Message.Contains($"Removed the bot's {names.Count} global commands: Discord:GuildIds lists servers now", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_record_from_an_older_build_every_server_the_bot_is_in_is_searched()
    {
        await RegistrationDoneAsync();

        // An older build also registered in the second server, and recorded nothing.
        var commands = Registrar().AllCommands();
        await _bot.Get<IDiscordRestClient>().BulkOverwriteGuildCommandsAsync(_bot.Discord.ApplicationId, SecondGuild, commands);
        await _bot.StopBotAsync();
        using (var database = new LiteDatabase(_bot.DatabasePath))
        {
            Assert.True(database.DropCollection(CommandScopeStore.CollectionName));
        }

        _options.Settings[GuildIdsKey] = null;
        await _bot.StartBotAsync();
        await RegistrationDoneAsync();

        Assert.Empty(_bot.Discord.GuildCommands(BotHarness.GuildId));
        Assert.Empty(_bot.Discord.GuildCommands(SecondGuild));
        Assert.Equal(commands.Count, _bot.Discord.GlobalCommands.Count);
        Assert.Contains(_bot.Discord.Calls, call => call.Route == "/users/@me/guilds");
        Assert.Equal(2, _bot.Logs.Lines.Count(line => line.Message.StartsWith("Removed the bot's", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_server_that_removed_the_bot_is_forgotten_and_an_unchanged_start_asks_Discord_nothing_more()
    {
        await RegistrationDoneAsync();

        // The first server removes the bot (Discord drops its commands there); the operator lists the second instead.
        _bot.Discord.RemoveGuild(BotHarness.GuildId);
        _options.Settings[GuildIdsKey] = SecondGuild.ToString(CultureInfo.InvariantCulture);
        await _bot.RestartBotAsync();
        await RegistrationDoneAsync();
        Assert.Contains(_bot.Logs.Lines, line => line.Message.Contains($"Guild {BotHarness.GuildId} no longer has the bot", StringComparison.Ordinal));

        var callsBefore = _bot.Discord.Calls.Count;
        await _bot.RestartBotAsync();
        await RegistrationDoneAsync();

        var calls = _bot.Discord.Calls.Skip(callsBefore)
            .Where(call => call.Route.EndsWith("/commands", StringComparison.Ordinal) || call.Route == "/users/@me/guilds")
            .Select(call => $"{call.Method} {call.Path}");
        Assert.Equal(
            [
                $"PUT /applications/{_bot.Discord.ApplicationId}/guilds/{SecondGuild}/commands",
                $"PUT /applications/{_bot.Discord.ApplicationId}/guilds/{HomeGuild}/commands",
            ],
            calls);
        Assert.Equal(["operator"], Names(_bot.Discord.GuildCommands(HomeGuild)));
        Assert.DoesNotContain(_bot.Logs.Lines, line => line.Level >= LogLevel.Warning && line.Category.EndsWith(nameof(CommandRegistrar), StringComparison.Ordinal));
    }

    private static List<string> Names(IEnumerable<System.Text.Json.Nodes.JsonObject> commands) =>
        [.. commands.Select(c => c["name"]!.GetValue<string>()).Order(StringComparer.Ordinal)];

    private CommandRegistrar Registrar() => _bot.Services.GetServices<IHostedService>().OfType<CommandRegistrar>().Single();

    // Registration and the removal of leftovers run in the background after the harness saw the first PUT.
    private Task RegistrationDoneAsync() => Registrar().ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
}
