using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

// Channel messages: the log channel and delivery after an interaction token expired.
public sealed partial class FakeDiscordServer
{
    private FakeRestResult CreateChannelMessage(FakeRestRequest request)
    {
        var channelId = request.Id("channel_id");
        if (_channelErrors.TryGetValue(channelId, out var denied))
        {
            return FakeRestResult.Error(denied.Status, denied.Code, denied.Message);
        }

        if (ClosedDirectMessage(channelId) is { } closed)
        {
            return closed;
        }

        var body = request.Json as JsonObject;
        var nonce = body?["nonce"]?.ToString();
        var enforce = body?["enforce_nonce"] is JsonValue flag && HasJsonValue(flag, System.Text.Json.JsonValueKind.True);
        if (nonce is not null && enforce
            && _nonces.TryGetValue((channelId, nonce), out var seen)
            && request.Now - seen.At < Options.NonceWindow
            && Current(seen.MessageId) is { } duplicate)
        {
            // Discord answers a repeated enforced nonce with the message it already created.
            return FakeRestResult.Ok(duplicate.ToJson(ApplicationId, FreshUrl));
        }

        var invalid = CheckMessageBody("", body, request, Options.MaxFileSize, [], isEdit: false, out var attachments);
        if (invalid is not null)
        {
            return invalid;
        }

        var guildId = IsDirectMessageChannel(channelId) ? (ulong?)null : DefaultGuildId;
        var message = AddBotMessage(channelId, guildId, body!, attachments, null, CreationFlags(body!, allowEphemeral: false), nonce);
        if (nonce is not null && enforce)
        {
            _nonces[(channelId, nonce)] = (message.Id, request.Now);
        }

        return FakeRestResult.Ok(message.ToJson(ApplicationId, FreshUrl));
    }

    private FakeRestResult ChannelMessage(string method, FakeRestRequest request)
    {
        var channelId = request.Id("channel_id");
        if (_channelErrors.TryGetValue(channelId, out var denied))
        {
            return FakeRestResult.Error(denied.Status, denied.Code, denied.Message);
        }

        if (!request.TryId("message_id", out var id) || Current(id) is not { } message || message.ChannelId != channelId)
        {
            return FakeRestResult.UnknownMessage();
        }

        switch (method)
        {
            case "GET":
                return FakeRestResult.Ok(message.ToJson(ApplicationId, FreshUrl));
            case "DELETE":
                DeleteMessage(message);
                return FakeRestResult.NoContent();
            default:
                if (message.AuthorId != BotUserId)
                {
                    return FakeRestResult.Error(403, 50005, "Cannot edit a message authored by another user");
                }

                var body = request.Json as JsonObject;
                var invalid = CheckMessageBody("", body, request, Options.MaxFileSize, message.Attachments, isEdit: true, out var attachments);
                if (invalid is not null)
                {
                    return invalid;
                }

                return FakeRestResult.Ok(EditMessage(message, body ?? [], attachments, clearLoading: false).ToJson(ApplicationId, FreshUrl));
        }
    }
}
