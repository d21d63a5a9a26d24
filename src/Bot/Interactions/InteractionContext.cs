using System.Globalization;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Interactions;

/// <summary>
/// One interaction being handled: the payload, and replies that do the right thing whatever has been sent so far
/// (initial response, edit of the deferred original, or follow-up). Thread-safe, because the pipeline's
/// safety-net deferral can race a slow handler.
/// </summary>
public sealed class InteractionContext
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;
    private readonly IInteractionCallback _callback;

    /// <summary>An interaction from the gateway: the initial response goes over the REST callback.</summary>
    public InteractionContext(
        Interaction interaction,
        IDiscordRestClient rest,
        TimeProvider time,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken)
        : this(interaction, rest, new RestInteractionCallback(rest), time, receivedAt, cancellationToken)
    {
    }

    /// <summary>An interaction whose initial response goes through <paramref name="callback"/> (e.g. the HTTP response).</summary>
    public InteractionContext(
        Interaction interaction,
        IDiscordRestClient rest,
        IInteractionCallback callback,
        TimeProvider time,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        Interaction = interaction;
        Rest = rest;
        _callback = callback;
        _time = time;
        ReceivedAt = receivedAt;
        CancellationToken = cancellationToken;
        Culture = BotCultures.For(interaction.Locale);
    }

    public Interaction Interaction { get; }

    public IDiscordRestClient Rest { get; }

    /// <summary>When the interaction arrived (read from the gateway, or its HTTP request received).</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Stops when the bot shuts down.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The member's language, for Humanizer and translated text.</summary>
    public CultureInfo Culture { get; }

    public AcknowledgementState State { get; private set; }

    /// <summary>When the initial response was accepted by Discord; null until then.</summary>
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public bool IsAcknowledged => State != AcknowledgementState.None;

    public User User => Interaction.InvokingUser;

    public ulong UserId => User.Id;

    /// <summary>0 in direct messages.</summary>
    public ulong GuildId => Interaction.GuildId ?? 0;

    public CreditMember CreditMember => Interaction.GuildId is { } guildId
        ? new CreditMember(new CreditScope(guildId, UserId), Interaction.Member?.Roles ?? [])
        : CreditMember.DirectMessage(UserId);

    /// <summary>The member's permissions in this channel (guild only; none in DMs).</summary>
    public Permissions MemberPermissions => Interaction.Member?.Permissions ?? Permissions.None;

    /// <summary>True when the pipeline's safety net sent the initial response (the handler was slow).</summary>
    public bool AnsweredBySafetyNet { get; private set; }

    /// <summary>
    /// Acknowledges with "thinking…". If the safety net already deferred, this continues from its deferral (later
    /// replies edit that one).
    /// </summary>
    public Task DeferAsync(bool privately) => AcknowledgeAsync(
        privately ? AcknowledgementState.DeferredPrivate : AcknowledgementState.DeferredPublic,
        InteractionResponse.Defer(privately));

    /// <summary>For buttons: acknowledges without changing the message (or continues from the safety net's deferral).</summary>
    public Task DeferUpdateAsync() =>
        AcknowledgeAsync(AcknowledgementState.DeferredUpdate, InteractionResponse.DeferUpdate());

    /// <summary>
    /// Opens a modal; only possible as the initial response. If the safety net answered first, the member is told
    /// privately to try again instead, and this returns false.
    /// </summary>
    public async Task<bool> ShowModalAsync(InteractionResponse modal)
    {
        if (await AcknowledgeAsync(AcknowledgementState.Responded, modal).ConfigureAwait(false))
        {
            return true;
        }

        await ReplyPrivatelyAsync(BotText.Get(Culture, "ModalTooLate")).ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// For buttons: replaces the message the button is on, as the initial response; after the safety net's deferral,
    /// by editing the original response (which, for a button, is that message).
    /// </summary>
    public async Task UpdateMessageAsync(InteractionCallbackData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (await AcknowledgeAsync(AcknowledgementState.Responded, InteractionResponse.UpdateMessage(data)).ConfigureAwait(false))
        {
            return;
        }

        await Rest.EditOriginalResponseAsync(
            Interaction.ApplicationId,
            Interaction.Token,
            new MessageEdit
            {
                Content = data.Content,
                Embeds = data.Embeds,
                Components = data.Components,
                Attachments = data.Attachments,
                AllowedMentions = data.AllowedMentions ?? AllowedMentions.None,
            },
            cancellationToken: CancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A reply only the member sees. After a public deferral the "thinking…" message is removed and the reply
    /// follows privately, so a refusal never shows up in the channel.
    /// </summary>
    public async Task ReplyPrivatelyAsync(string? content, IReadOnlyList<Embed>? embeds = null, IReadOnlyList<Component>? components = null)
    {
        await _gate.WaitAsync(CancellationToken).ConfigureAwait(false);
        try
        {
            switch (State)
            {
                case AcknowledgementState.None:
                    await SendInitialAsync(InteractionResponse.Message(new InteractionCallbackData
                    {
                        Content = content,
                        Embeds = embeds,
                        Components = components,
                        Flags = MessageFlags.Ephemeral,
                        AllowedMentions = AllowedMentions.None,
                    })).ConfigureAwait(false);
                    State = AcknowledgementState.Responded;
                    break;
                case AcknowledgementState.DeferredPrivate:
                    await Rest.EditOriginalResponseAsync(
                        Interaction.ApplicationId,
                        Interaction.Token,
                        new MessageEdit { Content = content, Embeds = embeds, Components = components, AllowedMentions = AllowedMentions.None },
                        cancellationToken: CancellationToken).ConfigureAwait(false);
                    break;
                case AcknowledgementState.DeferredPublic:
                    await Rest.DeleteOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, CancellationToken)
                        .ConfigureAwait(false);
                    await FollowupPrivatelyAsync(content, embeds, components).ConfigureAwait(false);
                    State = AcknowledgementState.Responded;
                    break;
                default:
                    await FollowupPrivatelyAsync(content, embeds, components).ConfigureAwait(false);
                    break;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A reply everyone in the channel sees (unless the interaction was deferred privately). Returns the message
    /// when Discord gave it back (edits and follow-ups do; an initial response does not).
    /// </summary>
    public async Task<Message?> ReplyAsync(
        MessageEdit message,
        IReadOnlyList<DiscordFile>? files = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _gate.WaitAsync(CancellationToken).ConfigureAwait(false);
        try
        {
            switch (State)
            {
                case AcknowledgementState.None:
                    await SendInitialAsync(
                        InteractionResponse.Message(new InteractionCallbackData
                        {
                            Content = message.Content,
                            Embeds = message.Embeds,
                            Components = message.Components,
                            Attachments = message.Attachments,
                            AllowedMentions = message.AllowedMentions ?? AllowedMentions.None,
                        }),
                        files).ConfigureAwait(false);
                    State = AcknowledgementState.Responded;
                    return null;
                case AcknowledgementState.DeferredPublic or AcknowledgementState.DeferredPrivate:
                    return await Rest.EditOriginalResponseAsync(
                        Interaction.ApplicationId, Interaction.Token, message, files, Interaction.AttachmentSizeLimit, CancellationToken)
                        .ConfigureAwait(false);
                default:
                    return await Rest.CreateFollowupAsync(
                        Interaction.ApplicationId,
                        Interaction.Token,
                        new FollowupMessageCreate
                        {
                            Content = message.Content,
                            Embeds = message.Embeds,
                            Components = message.Components,
                            Attachments = message.Attachments,
                            AllowedMentions = message.AllowedMentions ?? AllowedMentions.None,
                        },
                        files,
                        Interaction.AttachmentSizeLimit,
                        CancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The pipeline's safety net: acknowledges the way <paramref name="deferral"/> says, only if nothing was sent yet;
    /// true when it did. The handler then continues from that state instead of answering a second time.
    /// </summary>
    internal async Task<bool> DeferIfUnansweredAsync(SafetyNetDeferral deferral)
    {
        if (IsAcknowledged)
        {
            return false;
        }

        await _gate.WaitAsync(CancellationToken).ConfigureAwait(false);
        try
        {
            if (IsAcknowledged)
            {
                return false;
            }

            // Only a component can take a deferred update; anything else gets "thinking…".
            var update = deferral == SafetyNetDeferral.Update && Interaction.Type is InteractionType.MessageComponent;
            var privately = deferral == SafetyNetDeferral.Private;
            await SendInitialAsync(update ? InteractionResponse.DeferUpdate() : InteractionResponse.Defer(privately))
                .ConfigureAwait(false);
            State = update
                ? AcknowledgementState.DeferredUpdate
                : privately ? AcknowledgementState.DeferredPrivate : AcknowledgementState.DeferredPublic;
            AnsweredBySafetyNet = true;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Sends the initial response; false when the safety net already sent one (the caller continues from
    /// <see cref="State"/>). Answering twice from the handler itself is a bug and throws.
    /// </summary>
    private async Task<bool> AcknowledgeAsync(AcknowledgementState state, InteractionResponse response)
    {
        await _gate.WaitAsync(CancellationToken).ConfigureAwait(false);
        try
        {
            if (IsAcknowledged)
            {
                // The safety net (a slow gate or handler) answered first: the caller continues from its answer.
                return AnsweredBySafetyNet
                    ? false
                    : throw new InvalidOperationException($"{Interaction} was already answered ({State}); it cannot be answered with {response.Type}.");
            }

            await SendInitialAsync(response).ConfigureAwait(false);
            State = state;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SendInitialAsync(InteractionResponse response, IReadOnlyList<DiscordFile>? files = null)
    {
        await _callback.SendAsync(Interaction, response, files, CancellationToken).ConfigureAwait(false);
        AcknowledgedAt = _time.GetUtcNow();
    }

    private Task<Message> FollowupPrivatelyAsync(string? content, IReadOnlyList<Embed>? embeds, IReadOnlyList<Component>? components) =>
        Rest.CreateFollowupAsync(
            Interaction.ApplicationId,
            Interaction.Token,
            new FollowupMessageCreate
            {
                Content = content,
                Embeds = embeds,
                Components = components,
                Flags = MessageFlags.Ephemeral,
                AllowedMentions = AllowedMentions.None,
            },
            cancellationToken: CancellationToken);
}
