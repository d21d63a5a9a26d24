using SeedreamBot.Bot.Invite;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Tests.Invite;

/// <summary>The permissions the invite link asks for, and what counts as missing in a channel.</summary>
public sealed class InvitePermissionsTests
{
    [Fact]
    public void The_invite_asks_for_view_send_send_in_threads_embed_attach_and_history_and_nothing_else()
    {
        Assert.Equal(274878024704UL, InvitePermissions.Integer);
        Assert.Equal(
            ["View Channel", "Send Messages", "Embed Links", "Attach Files", "Read Message History", "Send Messages in Threads"],
            InvitePermissions.Names(InvitePermissions.Required));
        Assert.Equal((1UL << 10) | (1UL << 11) | (1UL << 14) | (1UL << 15) | (1UL << 16) | (1UL << 38), InvitePermissions.Integer);
    }

    [Fact]
    public void The_invite_link_adds_the_bot_with_its_commands_and_exactly_those_permissions()
    {
        Assert.Equal(
            "https://discord.com/oauth2/authorize?client_id=1100000000000000001&scope=bot+applications.commands&permissions=274878024704",
            InvitePermissions.InviteUrl(1100000000000000001));
    }

    [Theory]
    [InlineData(ChannelType.GuildText, Permissions.ViewChannel | Permissions.SendMessages | Permissions.EmbedLinks | Permissions.AttachFiles | Permissions.ReadMessageHistory, Permissions.None)]
    [InlineData(ChannelType.GuildText, Permissions.SendMessages | Permissions.EmbedLinks | Permissions.ReadMessageHistory, Permissions.ViewChannel | Permissions.AttachFiles)]
    [InlineData(ChannelType.GuildText, Permissions.ViewChannel | Permissions.SendMessages | Permissions.EmbedLinks | Permissions.AttachFiles, Permissions.ReadMessageHistory)]
    [InlineData(ChannelType.GuildAnnouncement, Permissions.ViewChannel | Permissions.SendMessagesInThreads | Permissions.EmbedLinks | Permissions.AttachFiles | Permissions.ReadMessageHistory, Permissions.SendMessages)]
    [InlineData(ChannelType.PublicThread, Permissions.ViewChannel | Permissions.SendMessages | Permissions.EmbedLinks | Permissions.AttachFiles | Permissions.ReadMessageHistory, Permissions.SendMessagesInThreads)]
    [InlineData(ChannelType.PrivateThread, Permissions.ViewChannel | Permissions.SendMessagesInThreads | Permissions.EmbedLinks | Permissions.AttachFiles | Permissions.ReadMessageHistory, Permissions.None)]
    [InlineData(ChannelType.GuildText, Permissions.Administrator, Permissions.None)]
    public void Missing_permissions_depend_on_whether_the_channel_is_a_thread(ChannelType type, Permissions granted, Permissions missing)
    {
        Assert.Equal(missing, InvitePermissions.MissingIn(granted, type));
    }
}
