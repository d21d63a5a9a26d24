using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bench.Micro.Interactions;

/// <summary>
/// A Discord REST client that accepts every call at once, so the dispatch benchmark measures the bot's own work.
/// Hand-written rather than a mock: a mocking library records every call and would grow without bound.
/// </summary>
internal sealed class NullDiscordRest : IDiscordRestClient
{
    private static readonly Message Posted = new()
    {
        Id = 1300000000000000500,
        ChannelId = 1100000000000000200,
        Content = "",
        Timestamp = DateTimeOffset.UnixEpoch,
    };

    private int _calls;

    /// <summary>Calls so far (lets a smoke test see that the pipeline really answered).</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The latest initial response (only the latest is kept, so nothing grows).</summary>
    public InteractionResponse? LastResponse { get; private set; }

    public Task<GatewayBotResponse> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new GatewayBotResponse
        {
            Url = "wss://gateway.discord.gg",
            Shards = 1,
            SessionStartLimit = new SessionStartLimitResponse { Total = 1000, Remaining = 1000, ResetAfter = 0, MaxConcurrency = 1 },
        });

    public Task<Application> GetCurrentApplicationAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new Application { Id = 1100000000000000001, Name = "SeedreamBot" });

    public Task<Guild> GetGuildAsync(ulong guildId, bool withCounts = false, CancellationToken cancellationToken = default) =>
        Task.FromResult(new Guild { Id = guildId, Name = "Bench", ApproximateMemberCount = withCounts ? 2 : null });

    public Task<GuildMember> GetGuildMemberAsync(ulong guildId, ulong userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GuildMember { User = new User { Id = userId, Username = "member" } });

    public Task LeaveGuildAsync(ulong guildId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<Channel> CreateDirectMessageChannelAsync(ulong recipientId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new Channel { Id = recipientId + 1, Type = ChannelType.DirectMessage });

    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(
        ulong applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default) =>
        Task.FromResult(commands);

    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(
        ulong applicationId, ulong guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default) =>
        Task.FromResult(commands);

    public Task<IReadOnlyList<ApplicationCommand>> GetGlobalCommandsAsync(ulong applicationId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ApplicationCommand>>([]);

    public Task<IReadOnlyList<ApplicationCommand>> GetGuildCommandsAsync(ulong applicationId, ulong guildId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ApplicationCommand>>([]);

    public Task<IReadOnlyList<UserGuild>> GetCurrentUserGuildsAsync(ulong after = 0, int limit = 200, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<UserGuild>>([]);

    public Task CreateInteractionResponseAsync(
        ulong interactionId, string interactionToken, InteractionResponse response, IReadOnlyList<DiscordFile>? files = null,
        long? maxFileSize = null, CancellationToken cancellationToken = default)
    {
        LastResponse = response;
        return Count();
    }

    public Task<Message> GetOriginalResponseAsync(ulong applicationId, string interactionToken, CancellationToken cancellationToken = default) =>
        CountMessage();

    public Task<Message> EditOriginalResponseAsync(
        ulong applicationId, string interactionToken, MessageEdit edit, IReadOnlyList<DiscordFile>? files = null,
        long? maxFileSize = null, CancellationToken cancellationToken = default) => CountMessage();

    public Task DeleteOriginalResponseAsync(ulong applicationId, string interactionToken, CancellationToken cancellationToken = default) =>
        Count();

    public Task<Message> CreateFollowupAsync(
        ulong applicationId, string interactionToken, FollowupMessageCreate message, IReadOnlyList<DiscordFile>? files = null,
        long? maxFileSize = null, CancellationToken cancellationToken = default) => CountMessage();

    public Task<Message> EditFollowupAsync(
        ulong applicationId, string interactionToken, ulong messageId, MessageEdit edit, IReadOnlyList<DiscordFile>? files = null,
        long? maxFileSize = null, CancellationToken cancellationToken = default) => CountMessage();

    public Task DeleteFollowupAsync(ulong applicationId, string interactionToken, ulong messageId, CancellationToken cancellationToken = default) =>
        Count();

    public Task<Message> CreateMessageAsync(
        ulong channelId, MessageCreate message, IReadOnlyList<DiscordFile>? files = null, long? maxFileSize = null,
        CancellationToken cancellationToken = default) => CountMessage();

    public Task<IReadOnlyList<Message>> GetChannelMessagesAfterAsync(
        ulong channelId, ulong after, int limit = 100, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult<IReadOnlyList<Message>>([]);
    }

    public Task<Message> EditMessageAsync(
        ulong channelId, ulong messageId, MessageEdit edit, IReadOnlyList<DiscordFile>? files = null, long? maxFileSize = null,
        CancellationToken cancellationToken = default) => CountMessage();

    public Task DeleteMessageAsync(ulong channelId, ulong messageId, CancellationToken cancellationToken = default) => Count();

    public Task<Message> GetMessageAsync(ulong channelId, ulong messageId, CancellationToken cancellationToken = default) => CountMessage();

    public Task<IReadOnlyList<RefreshedAttachmentUrl>> RefreshAttachmentUrlsAsync(
        IReadOnlyList<string> attachmentUrls, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult<IReadOnlyList<RefreshedAttachmentUrl>>(
            [.. attachmentUrls.Select(url => new RefreshedAttachmentUrl { Original = url, Refreshed = url })]);
    }

    private Task Count()
    {
        Interlocked.Increment(ref _calls);
        return Task.CompletedTask;
    }

    private Task<Message> CountMessage()
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(Posted);
    }
}
