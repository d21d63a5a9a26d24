using System.Net;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;
using SeedreamBot.Discord.Tests.TestHost;
using SeedreamBot.Fakes.Contracts;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Fakes.Shared;

namespace SeedreamBot.Discord.Tests.Rest;

/// <summary>
/// Who owns the application, who is in a server, leaving a server and opening DMs: over a loopback socket against
/// the fake Discord, which answers as Discord does (404 / 10007 Unknown Member, 10004 Unknown Guild, 50007).
/// </summary>
public sealed class GuildAndApplicationWireTests
{
    private const ulong Guild = 1100000000000000500;
    private const ulong Owner = 1100000000000000600;
    private const ulong Stranger = 1100000000000000601;

    [Fact]
    public async Task A_user_owned_application_names_its_owner_and_has_no_team()
    {
        var options = new FakeDiscordOptions { OwnerId = Owner, BotPublic = false };
        await using var harness = await DiscordRestHarness.StartAsync(options);

        var application = await harness.Client.GetCurrentApplicationAsync();

        Assert.Equal(Owner, application.Owner!.Id);
        Assert.Null(application.Team);
        Assert.False(application.BotPublic);
    }

    [Fact]
    public async Task A_team_owned_application_lists_its_members_with_their_membership_state()
    {
        var options = new FakeDiscordOptions();
        options.TeamMemberIds.Add(Owner);
        options.TeamMemberIds.Add(Owner + 1);
        options.InvitedTeamMemberIds.Add(Owner + 2);
        await using var harness = await DiscordRestHarness.StartAsync(options);

        var application = await harness.Client.GetCurrentApplicationAsync();

        var team = application.Team!;
        Assert.Equal(Owner, team.OwnerUserId);
        Assert.NotEqual(Owner, application.Owner!.Id);
        Assert.Equal([Owner, Owner + 1], team.Members.Where(m => m.IsAccepted).Select(m => m.User.Id));
        var invited = Assert.Single(team.Members, m => !m.IsAccepted);
        Assert.Equal(Owner + 2, invited.User.Id);
        Assert.Equal(TeamMembershipState.Invited, invited.MembershipState);
        Assert.All(team.Members, m => Assert.Equal(team.Id, m.TeamId));
    }

    [Fact]
    public async Task A_member_is_returned_and_a_non_member_is_404_Unknown_Member()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Server.AddGuild(Guild, "Owner's place", ownerId: Owner);
        harness.Server.AddGuildMember(Guild, Owner + 5, 1100000000000000700);

        var owner = await harness.Client.GetGuildMemberAsync(Guild, Owner);
        var withRole = await harness.Client.FindGuildMemberAsync(Guild, Owner + 5);
        var missing = await harness.Client.FindGuildMemberAsync(Guild, Stranger);
        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => harness.Client.GetGuildMemberAsync(Guild, Stranger));

        Assert.Equal(Owner, owner.User!.Id);
        Assert.Equal([1100000000000000700UL], withRole!.Roles);
        Assert.Null(missing);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(DiscordErrorCode.UnknownMember, error.Code);
        Assert.True(error.IsUnknownMember);
        Assert.Equal("/guilds/{guild_id}/members/{user_id}", error.Route);
    }

    [Fact]
    public async Task A_server_the_bot_is_not_in_is_10004_Unknown_Guild_and_is_not_mistaken_for_a_non_member()
    {
        await using var harness = await DiscordRestHarness.StartAsync();

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => harness.Client.FindGuildMemberAsync(Guild, Owner));

        Assert.True(error.IsUnknownGuild);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_guild_comes_with_its_name_and_approximate_counts_when_asked()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Server.AddGuild(Guild, "Owner's place", ownerId: Owner);
        harness.Server.AddGuildMember(Guild, Stranger);

        var plain = await harness.Client.GetGuildAsync(Guild);
        var counted = await harness.Client.GetGuildAsync(Guild, withCounts: true);

        Assert.Equal("Owner's place", plain.Name);
        Assert.Equal(Owner, plain.OwnerId);
        Assert.Null(plain.ApproximateMemberCount);
        Assert.Equal(3, counted.ApproximateMemberCount);
        Assert.Contains(harness.Server.Calls, call => call.Route == "/guilds/{guild_id}" && call.Query == "?with_counts=true");
    }

    [Fact]
    public async Task Leaving_a_guild_answers_204_once_and_the_guild_is_then_unknown()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Server.AddGuild(Guild, "Stranger's place", ownerId: Stranger);

        await harness.Client.LeaveGuildAsync(Guild);
        var again = await Assert.ThrowsAsync<DiscordHttpException>(() => harness.Client.LeaveGuildAsync(Guild));
        var lookup = await Assert.ThrowsAsync<DiscordHttpException>(() => harness.Client.GetGuildAsync(Guild));

        Assert.True(harness.Server.Guild(Guild)!.BotLeft);
        Assert.Equal(204, harness.Server.Calls.First(call => call.Method == "DELETE").StatusCode);
        Assert.True(again.IsUnknownGuild);
        Assert.True(lookup.IsUnknownGuild);
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Server.SlashCommand("imagine").InGuild(Guild, 1).DispatchAsync());
    }

    [Fact]
    public async Task A_DM_channel_is_the_same_each_time_and_posts_there_are_direct_messages()
    {
        await using var harness = await DiscordRestHarness.StartAsync();

        var first = await harness.Client.CreateDirectMessageChannelAsync(Owner);
        var second = await harness.Client.CreateDirectMessageChannelAsync(Owner);
        var posted = await harness.Client.CreateMessageAsync(first.Id, new MessageCreate { Content = "hello operator" });

        Assert.Equal(ChannelType.DirectMessage, first.Type);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(Owner, Assert.Single(first.Recipients!).Id);
        Assert.Equal(first.Id, harness.Server.DirectMessageChannelOf(Owner));
        Assert.Null(harness.Server.LatestMessage(posted.Id)!.GuildId);
    }

    [Fact]
    public async Task Posting_to_a_user_who_closed_their_DMs_fails_with_50007()
    {
        await using var harness = await DiscordRestHarness.StartAsync();
        harness.Server.CloseDirectMessages(Owner);
        var channel = await harness.Client.CreateDirectMessageChannelAsync(Owner);

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() =>
            harness.Client.CreateMessageAsync(channel.Id, new MessageCreate { Content = "hello" }));

        Assert.Equal(DiscordErrorCode.CannotSendMessagesToUser, error.Code);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task Interactions_make_their_invoker_a_member_of_the_server_they_come_from()
    {
        await using var harness = await DiscordRestHarness.StartAsync();

        await harness.Server.SlashCommand("imagine").InGuild(Guild, 1).By(Stranger).WithRoles(42).DispatchAsync();
        var member = await harness.Client.GetGuildMemberAsync(Guild, Stranger);

        Assert.Equal([42UL], member.Roles);
    }

    [SkippableFact]
    public async Task The_open_DM_body_validates_against_Discords_OpenAPI_document()
    {
        Skip.If(SharedReference.TryFind("discord-openapi", "openapi.json") is null, SharedReference.MissingReason);
        var spec = await OpenApiDocument.DiscordAsync();
        await using var harness = await DiscordRestHarness.StartAsync();

        await harness.Client.CreateDirectMessageChannelAsync(Owner);

        var call = Assert.Single(harness.Server.Calls, c => c.Json is not null);
        var schema = spec.RequestSchema(call.Method, spec.FindPath(call.Method, call.Path)!);
        Assert.Empty(OpenApiDocument.Validate(schema, call.Json!));
        Assert.Empty(OpenApiDocument.UnknownProperties(schema, call.Json));
    }
}
