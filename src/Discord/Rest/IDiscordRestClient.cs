using SeedreamBot.Discord.Models;

namespace SeedreamBot.Discord.Rest;

/// <summary>
/// The Discord REST calls a bot needs. Every request is checked against Discord's limits first
/// (<see cref="Models.Validation.DiscordValidationException"/>), waits for rate limits, retries 429s and transient
/// failures, and turns error answers into <see cref="DiscordHttpException"/>. Methods taking files upload them as
/// multipart (<c>files[n]</c> paired with <c>attachments[].id = "n"</c>); <c>maxFileSize</c> (e.g. the
/// interaction's <see cref="Interaction.AttachmentSizeLimit"/>) refuses larger files before sending.
/// </summary>
public interface IDiscordRestClient
{
    Task<GatewayBotResponse> GetGatewayBotAsync(CancellationToken cancellationToken = default);

    Task<Application> GetCurrentApplicationAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /guilds/{guild.id}</c>; with <paramref name="withCounts"/> the approximate member and presence counts too.</summary>
    Task<Guild> GetGuildAsync(ulong guildId, bool withCounts = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /guilds/{guild.id}/members/{user.id}</c>: needs no privileged intent. A user who is not a member gets
    /// 404 / 10007 Unknown Member (see <see cref="DiscordRestClientExtensions.FindGuildMemberAsync"/>).
    /// </summary>
    Task<GuildMember> GetGuildMemberAsync(ulong guildId, ulong userId, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /users/@me/guilds/{guild.id}</c>: the bot leaves the server.</summary>
    Task LeaveGuildAsync(ulong guildId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /users/@me/channels</c>: the bot's DM channel with a user (the same one every time).</summary>
    Task<Channel> CreateDirectMessageChannelAsync(ulong recipientId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(
        ulong applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(
        ulong applicationId, ulong guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default);

    /// <summary>The application's global commands as Discord has them.</summary>
    Task<IReadOnlyList<ApplicationCommand>> GetGlobalCommandsAsync(ulong applicationId, CancellationToken cancellationToken = default);

    /// <summary>The application's commands in one guild (not its global ones).</summary>
    Task<IReadOnlyList<ApplicationCommand>> GetGuildCommandsAsync(ulong applicationId, ulong guildId, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the servers the bot is in, ascending by id: those after <paramref name="after"/> (0 for the
    /// first page), at most <paramref name="limit"/> (1–200). A page shorter than the limit is the last.
    /// </summary>
    Task<IReadOnlyList<UserGuild>> GetCurrentUserGuildsAsync(ulong after = 0, int limit = 200, CancellationToken cancellationToken = default);

    /// <summary>The initial response; must arrive within 3 seconds of the interaction.</summary>
    Task CreateInteractionResponseAsync(
        ulong interactionId,
        string interactionToken,
        InteractionResponse response,
        IReadOnlyList<DiscordFile>? files = null,
        long? maxFileSize = null,
        CancellationToken cancellationToken = default);

    Task<Message> GetOriginalResponseAsync(ulong applicationId, string interactionToken, CancellationToken cancellationToken = default);

    Task<Message> EditOriginalResponseAsync(
        ulong applicationId,
        string interactionToken,
        MessageEdit edit,
        IReadOnlyList<DiscordFile>? files = null,
        long? maxFileSize = null,
        CancellationToken cancellationToken = default);

    Task DeleteOriginalResponseAsync(ulong applicationId, string interactionToken, CancellationToken cancellationToken = default);

    Task<Message> CreateFollowupAsync(
        ulong applicationId,
        string interactionToken,
        FollowupMessageCreate message,
        IReadOnlyList<DiscordFile>? files = null,
        long? maxFileSize = null,
        CancellationToken cancellationToken = default);

    Task<Message> EditFollowupAsync(
        ulong applicationId,
        string interactionToken,
        ulong messageId,
        MessageEdit edit,
        IReadOnlyList<DiscordFile>? files = null,
        long? maxFileSize = null,
        CancellationToken cancellationToken = default);

    Task DeleteFollowupAsync(ulong applicationId, string interactionToken, ulong messageId, CancellationToken cancellationToken = default);

    /// <summary>Posts to a channel. With <see cref="MessageCreate.Nonce"/> + EnforceNonce it is also retried after timeouts and 5xx.</summary>
    Task<Message> CreateMessageAsync(
        ulong channelId,
        MessageCreate message,
        IReadOnlyList<DiscordFile>? files = null,
        long? maxFileSize = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> (1–100) messages of a channel posted after the message or snowflake
    /// <paramref name="after"/>, newest first (needs View Channel and Read Message History).
    /// </summary>
    Task<IReadOnlyList<Message>> GetChannelMessagesAfterAsync(
        ulong channelId,
        ulong after,
        int limit = 100,
        CancellationToken cancellationToken = default);

    Task<Message> EditMessageAsync(
        ulong channelId,
        ulong messageId,
        MessageEdit edit,
        IReadOnlyList<DiscordFile>? files = null,
        long? maxFileSize = null,
        CancellationToken cancellationToken = default);

    Task DeleteMessageAsync(ulong channelId, ulong messageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /channels/{channel.id}/messages/{message.id}</c>. Discord signs the attachment URLs of what it returns
    /// afresh, so this is how a stored message's images get working URLs again. Needs View Channel and Read Message
    /// History; other authors' attachments come back empty without the Message Content intent.
    /// </summary>
    Task<Message> GetMessageAsync(ulong channelId, ulong messageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /attachments/refresh-urls</c> (at most 50 URLs): fresh signed URLs for attachments that still exist.
    /// URLs Discord no longer has a file for are missing from the answer.
    /// </summary>
    Task<IReadOnlyList<RefreshedAttachmentUrl>> RefreshAttachmentUrlsAsync(
        IReadOnlyList<string> attachmentUrls, CancellationToken cancellationToken = default);
}
