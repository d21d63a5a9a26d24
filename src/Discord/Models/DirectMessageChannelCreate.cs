namespace SeedreamBot.Discord.Models;

/// <summary>The body of <c>POST /users/@me/channels</c>: opens (or returns) the bot's DM channel with a user.</summary>
public sealed class DirectMessageChannelCreate
{
    public ulong RecipientId { get; init; }
}
