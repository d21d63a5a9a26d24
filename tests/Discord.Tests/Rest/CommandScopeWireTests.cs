using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;
using SeedreamBot.Discord.Tests.TestHost;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Fakes.Discord.Gateway;

namespace SeedreamBot.Discord.Tests.Rest;

/// <summary>Reading commands back per scope and listing the bot's servers, over the wire against the fake.</summary>
public sealed class CommandScopeWireTests
{
    private static readonly ApplicationCommand Imagine = new() { Name = "imagine", Description = "Create an image" };

    [Fact]
    public async Task Commands_read_back_per_scope_and_an_empty_overwrite_removes_them()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        var app = harness.Server.ApplicationId;
        const ulong guild = FakeDiscordServer.DefaultGuildId;
        await harness.Client.BulkOverwriteGlobalCommandsAsync(app, [Imagine]);
        await harness.Client.BulkOverwriteGuildCommandsAsync(app, guild, [Imagine, new ApplicationCommand { Type = ApplicationCommandType.Message, Name = "Edit with Seedream" }]);

        var global = await harness.Client.GetGlobalCommandsAsync(app);
        var inGuild = await harness.Client.GetGuildCommandsAsync(app, guild);
        await harness.Client.BulkOverwriteGuildCommandsAsync(app, guild, []);
        var afterRemoval = await harness.Client.GetGuildCommandsAsync(app, guild);

        Assert.Equal("imagine", Assert.Single(global).Name);
        Assert.Null(global[0].GuildId);
        Assert.Equal(["imagine", "Edit with Seedream"], inGuild.Select(c => c.Name));
        Assert.All(inGuild, c => Assert.Equal(guild, c.GuildId));
        Assert.Empty(afterRemoval);
        Assert.Single(await harness.Client.GetGlobalCommandsAsync(app));
    }

    [Fact]
    public async Task The_bots_servers_come_in_pages_ascending_by_id()
    {
        var options = new FakeDiscordOptions { Guilds = { new FakeGuild(1100000000000000900, "Third"), new FakeGuild(1100000000000000500, "Second") } };
        await using var harness = await DiscordRestHarness.StartAsync(options);

        var first = await harness.Client.GetCurrentUserGuildsAsync(limit: 2);
        var second = await harness.Client.GetCurrentUserGuildsAsync(after: first[^1].Id, limit: 2);

        Assert.Equal([FakeDiscordServer.DefaultGuildId, 1100000000000000500UL], first.Select(g => g.Id));
        Assert.Equal("Third", Assert.Single(second).Name);
        Assert.True(first[0].Permissions.HasFlag(Permissions.ViewChannel));
        Assert.Equal("/users/@me/guilds?limit=2&after=1100000000000000500", harness.Server.Calls[^1].Path + harness.Server.Calls[^1].Query);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => harness.Client.GetCurrentUserGuildsAsync(limit: 201));
    }

    [Fact]
    public async Task Commands_in_a_server_the_bot_is_not_in_are_refused_with_missing_access()
    {
        await using var harness = await DiscordRestHarness.StartAsync();

        var refused = await Assert.ThrowsAsync<DiscordHttpException>(
            () => harness.Client.GetGuildCommandsAsync(harness.Server.ApplicationId, 555));

        Assert.Equal(DiscordErrorCode.MissingAccess, refused.Code);
        Assert.Equal(403, (int)refused.StatusCode);
    }
}
