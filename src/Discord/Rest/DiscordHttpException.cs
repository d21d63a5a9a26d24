using System.Globalization;
using System.Net;

namespace SeedreamBot.Discord.Rest;

/// <summary>
/// Discord answered with an error. <see cref="Code"/> is the JSON error code; <see cref="Errors"/> the flattened
/// 50035 tree. The message names the route template (never the URL, which may hold an interaction token).
/// </summary>
public class DiscordHttpException : Exception
{
    public DiscordHttpException(
        HttpStatusCode statusCode,
        DiscordErrorCode code,
        string discordMessage,
        IReadOnlyList<DiscordFieldError> errors,
        string method,
        string route,
        Exception? innerException = null)
        : base(Describe(statusCode, code, discordMessage, errors, method, route), innerException)
    {
        StatusCode = statusCode;
        Code = code;
        DiscordMessage = discordMessage;
        Errors = errors;
        Method = method;
        Route = route;
    }

    public DiscordHttpException()
        : this("Discord answered with an error.")
    {
    }

    public DiscordHttpException(string message)
        : this(message, null)
    {
    }

    public DiscordHttpException(string message, Exception? innerException)
        : base(message, innerException)
    {
        DiscordMessage = message;
        Errors = [];
        Method = "";
        Route = "";
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Discord's JSON error code (<see cref="DiscordErrorCode.None"/> when the body had none).</summary>
    public DiscordErrorCode Code { get; }

    /// <summary>Discord's own message, e.g. "Invalid Form Body".</summary>
    public string DiscordMessage { get; }

    /// <summary>The 50035 field errors, flattened; empty for other errors.</summary>
    public IReadOnlyList<DiscordFieldError> Errors { get; }

    public string Method { get; }

    /// <summary>The route template, e.g. <c>/webhooks/{application_id}/{interaction_token}/messages/@original</c>.</summary>
    public string Route { get; }

    /// <summary>10062: the interaction's 3-second window passed (or it never existed).</summary>
    public bool IsUnknownInteraction => Code == DiscordErrorCode.UnknownInteraction;

    /// <summary>40060: the interaction was already answered.</summary>
    public bool IsAlreadyAcknowledged => Code == DiscordErrorCode.InteractionAlreadyAcknowledged;

    /// <summary>10008: the message is gone.</summary>
    public bool IsUnknownMessage => Code == DiscordErrorCode.UnknownMessage;

    /// <summary>10007: the user is not a member of the guild.</summary>
    public bool IsUnknownMember => Code == DiscordErrorCode.UnknownMember;

    /// <summary>10004: the guild does not exist, or the bot is not in it.</summary>
    public bool IsUnknownGuild => Code == DiscordErrorCode.UnknownGuild;

    /// <summary>The interaction token expired (15 minutes) or the webhook is gone: deliver another way.</summary>
    public bool IsInteractionTokenExpired =>
        Code is DiscordErrorCode.InvalidWebhookToken or DiscordErrorCode.UnknownWebhook;

    /// <summary>50001/50013: the bot lacks access or a permission.</summary>
    public bool IsMissingPermissions => Code is DiscordErrorCode.MissingPermissions or DiscordErrorCode.MissingAccess;

    /// <summary>40005/50045 or HTTP 413: an upload was too large.</summary>
    public bool IsPayloadTooLarge =>
        Code is DiscordErrorCode.RequestEntityTooLarge or DiscordErrorCode.FileTooLarge || StatusCode == HttpStatusCode.RequestEntityTooLarge;

    private static string Describe(
        HttpStatusCode statusCode,
        DiscordErrorCode code,
        string discordMessage,
        IReadOnlyList<DiscordFieldError> errors,
        string method,
        string route)
    {
        var status = string.Create(CultureInfo.InvariantCulture, $"{(int)statusCode} {statusCode}");
        var what = code == DiscordErrorCode.None
            ? discordMessage
            : string.Create(CultureInfo.InvariantCulture, $"{(int)code} {discordMessage}");
        var text = $"Discord refused {method} {route} ({status}): {what}";
        return errors.Count == 0 ? text : $"{text} — {string.Join("; ", errors)}";
    }
}
