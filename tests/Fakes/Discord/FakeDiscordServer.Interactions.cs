using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

// The interaction callback and the token-authenticated webhook routes (@original and follow-ups).
public sealed partial class FakeDiscordServer
{
    private FakeRestResult Callback(FakeRestRequest request)
    {
        var id = request.TryId("interaction_id", out var parsed) ? parsed : 0;
        var interaction = _interactions.GetValueOrDefault(id);
        if (interaction is null || !string.Equals(interaction.Token, request.Values["interaction_token"], StringComparison.Ordinal))
        {
            return FakeRestResult.UnknownInteraction();
        }

        // After the window Discord has invalidated the token; the user saw "The application did not respond".
        if (request.Now - interaction.DispatchedAt > Options.InitialResponseWindow)
        {
            return FakeRestResult.UnknownInteraction();
        }

        if (interaction.InitialResponseValue is not null)
        {
            return FakeRestResult.Error(400, 40060, "Interaction has already been acknowledged.");
        }

        if (request.Json is not JsonObject body)
        {
            var missing = new FakeErrorTree();
            missing.Required("type", null);
            return FakeRestResult.Invalid(missing);
        }

        var type = FakeMessageRules.Int(body["type"]);
        var data = body["data"] as JsonObject;
        var fromMessage = interaction.SourceMessageId is not null;
        FakeRestResult? failure;
        IReadOnlyList<FakeAttachment> attachments;
        switch (type)
        {
            case 4:
                failure = CheckMessageBody("data.", data, request, interaction.AttachmentSizeLimit, [], isEdit: false, out attachments);
                if (failure is not null)
                {
                    return failure;
                }

                var reply = AddBotMessage(interaction.ChannelId, interaction.GuildId, data!, attachments, interaction.Id, CreationFlags(data!, allowEphemeral: true));
                interaction.OriginalMessageIdValue = reply.Id;
                break;
            case 5:
                var deferFlags = FakeMessageRules.Int(data?["flags"]) ?? 0;
                if ((deferFlags & ~FakeMessage.EphemeralFlag) != 0)
                {
                    var errors = new FakeErrorTree();
                    errors.Add("data.flags", "INTERACTION_RESPONSE_FLAGS_INVALID", "Only EPHEMERAL may be set on a deferred response.");
                    return FakeRestResult.Invalid(errors);
                }

                var loading = AddBotMessage(interaction.ChannelId, interaction.GuildId, [], [], interaction.Id, FakeMessage.LoadingFlag | deferFlags);
                interaction.OriginalMessageIdValue = loading.Id;
                break;
            case 6 or 7:
                if (!fromMessage || Current(interaction.SourceMessageId!.Value) is not { } source)
                {
                    return InvalidCallbackType();
                }

                if (type == 7)
                {
                    failure = CheckMessageBody("data.", data, request, interaction.AttachmentSizeLimit, source.Attachments, isEdit: true, out attachments);
                    if (failure is not null)
                    {
                        return failure;
                    }

                    if (data is not null || request.Files.Count > 0)
                    {
                        EditMessage(source, data ?? [], attachments, clearLoading: false);
                    }
                }

                interaction.OriginalMessageIdValue = source.Id;
                break;
            case 8:
                return InvalidCallbackType();
            case 9:
                if (interaction.Type == 5)
                {
                    return InvalidCallbackType();
                }

                var modalErrors = new FakeErrorTree();
                FakeMessageRules.CheckModal(modalErrors, data);
                if (!modalErrors.IsEmpty)
                {
                    return FakeRestResult.Invalid(modalErrors);
                }

                break;
            default:
                return InvalidCallbackType();
        }

        interaction.InitialResponseValue = new FakeInteractionResponse
        {
            Type = type!.Value,
            Data = (JsonObject?)data?.DeepClone(),
            Files = request.Files.Values.ToArray(),
            ReceivedAt = request.Now,
            ReceivedTimestamp = request.Timestamp,
        };
        return FakeRestResult.NoContent();
    }

    private static FakeRestResult InvalidCallbackType()
    {
        var errors = new FakeErrorTree();
        errors.Add("type", "INTERACTION_CALLBACK_TYPE_INVALID", "This callback type is not valid for this interaction.");
        return FakeRestResult.Invalid(errors);
    }

    /// <summary>Resolves the interaction behind a webhook route, with Discord's errors for every way it can be wrong.</summary>
    private FakeRestResult? WebhookInteraction(FakeRestRequest request, out FakeInteraction interaction)
    {
        interaction = null!;
        if (!request.TryId("application_id", out var applicationId) || applicationId != ApplicationId)
        {
            return FakeRestResult.UnknownWebhook();
        }

        if (!_interactionsByToken.TryGetValue(request.Values["interaction_token"], out var found))
        {
            return FakeRestResult.InvalidWebhookToken();
        }

        if (request.Now - found.DispatchedAt > Options.TokenLifetime)
        {
            return FakeRestResult.InvalidWebhookToken();
        }

        // The interaction webhook exists only once the interaction has been answered.
        if (found.InitialResponseValue is null)
        {
            return FakeRestResult.UnknownWebhook();
        }

        interaction = found;
        return null;
    }

    private FakeRestResult Original(string method, FakeRestRequest request)
    {
        if (WebhookInteraction(request, out var interaction) is { } failure)
        {
            return failure;
        }

        if (interaction.OriginalMessageIdValue is not { } id || Current(id) is not { } message)
        {
            return FakeRestResult.UnknownMessage();
        }

        return EditOrDelete(method, request, interaction, message);
    }

    private FakeRestResult CreateFollowup(FakeRestRequest request)
    {
        if (WebhookInteraction(request, out var interaction) is { } failure)
        {
            return failure;
        }

        var body = request.Json as JsonObject;
        var invalid = CheckMessageBody("", body, request, interaction.AttachmentSizeLimit, [], isEdit: false, out var attachments);
        if (invalid is not null)
        {
            return invalid;
        }

        var message = AddBotMessage(interaction.ChannelId, interaction.GuildId, body!, attachments, interaction.Id, CreationFlags(body!, allowEphemeral: true));
        interaction.FollowupIds.Add(message.Id);
        return FakeRestResult.Ok(message.ToJson(ApplicationId, FreshUrl));
    }

    private FakeRestResult Followup(string method, FakeRestRequest request)
    {
        if (WebhookInteraction(request, out var interaction) is { } failure)
        {
            return failure;
        }

        if (!request.TryId("message_id", out var id)
            || (!interaction.FollowupIds.Contains(id) && interaction.OriginalMessageIdValue != id)
            || Current(id) is not { } message)
        {
            return FakeRestResult.UnknownMessage();
        }

        return EditOrDelete(method, request, interaction, message);
    }

    private FakeRestResult EditOrDelete(string method, FakeRestRequest request, FakeInteraction interaction, FakeMessage message)
    {
        switch (method)
        {
            case "GET":
                return FakeRestResult.Ok(message.ToJson(ApplicationId, FreshUrl));
            case "DELETE":
                DeleteMessage(message);
                return FakeRestResult.NoContent();
            default:
                var body = request.Json as JsonObject;
                var invalid = CheckMessageBody("", body, request, interaction.AttachmentSizeLimit, message.Attachments, isEdit: true, out var attachments);
                if (invalid is not null)
                {
                    return invalid;
                }

                var edited = EditMessage(message, body ?? [], attachments, clearLoading: true);
                return FakeRestResult.Ok(edited.ToJson(ApplicationId, FreshUrl));
        }
    }
}
