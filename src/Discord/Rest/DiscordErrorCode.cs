namespace SeedreamBot.Discord.Rest;

/// <summary>Discord's JSON error codes that a bot meets (any other code still arrives, as its number).</summary>
public enum DiscordErrorCode
{
    /// <summary>No JSON code (e.g. a plain 401 or a Cloudflare page).</summary>
    None = 0,
    UnknownApplication = 10002,
    UnknownChannel = 10003,
    UnknownGuild = 10004,
    UnknownMember = 10007,
    UnknownMessage = 10008,
    UnknownWebhook = 10015,
    UnknownUser = 10013,

    /// <summary>The 3-second window passed, or the interaction does not exist.</summary>
    UnknownInteraction = 10062,
    Unauthorized = 40001,
    RequestEntityTooLarge = 40005,

    /// <summary>The interaction already has its initial response.</summary>
    InteractionAlreadyAcknowledged = 40060,
    MaximumFollowupsReached = 40094,

    /// <summary>Cloudflare refused the request (missing or bad User-Agent, or a ban).</summary>
    CloudflareBlocked = 40333,
    TooManyAttachments = 30015,
    MaximumApplicationCommands = 30032,
    DailyCommandCreatesReached = 30034,
    MissingAccess = 50001,
    CannotEditOtherUsersMessage = 50005,
    CannotSendEmptyMessage = 50006,
    CannotSendMessagesToUser = 50007,
    MissingPermissions = 50013,
    InvalidWebhookToken = 50027,
    InvalidFormBody = 50035,
    FileTooLarge = 50045,
    InvalidJson = 50109,
}
