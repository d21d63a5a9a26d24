using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Images;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Generation;

/// <summary>
/// Shows generations in Discord: edits the interaction's original message while its token is valid (15 minutes),
/// and afterwards posts the result or the failure to the channel, mentioning the requester. The image is always
/// attached: when Discord refuses it as too large (its announced limit was optimistic), it is fitted smaller and
/// sent again, never replaced by a link that dies with Apiframe's copy.
/// </summary>
public sealed partial class DiscordGenerationPresenter : IGenerationPresenter
{
    /// <summary>How many pages of 100 channel messages the search for a posted result reads at most.</summary>
    private const int ChannelPagesSearched = 10;

    /// <summary>Interaction tokens last 15 minutes; stop using one a little before, so a slow edit is not refused.</summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(30);

    /// <summary>How often a refused upload is fitted smaller and sent again before delivery counts as failed.</summary>
    private const int MaxRefits = 2;

    private readonly IDiscordRestClient _rest;
    private readonly ImageFitter _fitter;
    private readonly IOperatorAlerts _alerts;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<ApiframeOptions> _apiframe;
    private readonly ILogger<DiscordGenerationPresenter> _logger;

    public DiscordGenerationPresenter(
        IDiscordRestClient rest,
        ImageFitter fitter,
        IOperatorAlerts alerts,
        TimeProvider time,
        IOptionsMonitor<ApiframeOptions> apiframe,
        ILogger<DiscordGenerationPresenter> logger)
    {
        _rest = rest;
        _fitter = fitter;
        _alerts = alerts;
        _time = time;
        _apiframe = apiframe;
        _logger = logger;
    }

    public async Task ShowQueuedAsync(GenerationRecord generation, QueueStatus status, CancellationToken cancellationToken)
    {
        if (TokenValid(generation))
        {
            await EditOriginalAsync(generation, GenerationMessages.Queued(generation, status, Culture(generation)), null, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public async Task ShowProgressAsync(GenerationRecord generation, JobProgress progress, CancellationToken cancellationToken)
    {
        if (TokenValid(generation))
        {
            await EditOriginalAsync(generation, GenerationMessages.Progress(generation, progress, Culture(generation)), null, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public async Task<DeliveryReceipt> DeliverAsync(GenerationRecord generation, GenerationResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generation);
        ArgumentNullException.ThrowIfNull(result);
        var culture = Culture(generation);
        for (var refits = 0; ; refits++)
        {
            var image = result.Image;
            var fileName = FileNameFor(generation, image);
            var embed = GenerationMessages.Result(generation, result, fileName, _apiframe.CurrentValue.Model, culture);
            IReadOnlyList<DiscordFile> files = [new DiscordFile(fileName, image.Content, image.ContentType)];
            IReadOnlyList<Component> buttons = [GenerationButtons.ForResult(generation.Id, culture)];
            try
            {
                if (TokenValid(generation))
                {
                    var edit = new MessageEdit { Content = "", Embeds = [embed], Components = buttons, AllowedMentions = AllowedMentions.None };
                    var message = await EditOriginalAsync(generation, edit, files, cancellationToken).ConfigureAwait(false);
                    if (message is not null)
                    {
                        return new DeliveryReceipt(message.ChannelId, message.Id);
                    }
                }

                var posted = await PostToChannelAsync(
                    generation,
                    "g",
                    BotText.Format(culture, "ResultForLate", "<@" + generation.UserId + ">"),
                    embed,
                    buttons,
                    files,
                    cancellationToken).ConfigureAwait(false);
                return new DeliveryReceipt(posted.ChannelId, posted.Id);
            }
            catch (DiscordHttpException exception) when (exception.IsPayloadTooLarge && refits < MaxRefits)
            {
                // The limit we were given was optimistic (Discord has announced limits it did not enforce): fit the
                // original under the default limit, or smaller than what was refused, and send that.
                var source = result.Original ?? image;
                var smaller = Math.Min(GenerationProcessor.DefaultAttachmentSizeLimit, image.Content.Length * 4L / 5);
                LogUploadRefused(generation.Id, image.Content.Length, smaller);
                var fit = await _fitter.FitAsync(source.Content, smaller, cancellationToken).ConfigureAwait(false);
                if (!fit.Succeeded)
                {
                    throw;
                }

                result = result with { Image = fit.Reencoded ? source.ReencodedAs(fit) : source, Original = fit.Reencoded ? source : null };
            }
        }
    }

    public async Task<DeliveryReceipt?> FindDeliveredAsync(GenerationRecord generation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generation);
        if (TokenValid(generation))
        {
            try
            {
                var original = await _rest.GetOriginalResponseAsync(
                    generation.Target.ApplicationId, generation.Target.InteractionToken, cancellationToken).ConfigureAwait(false);

                // While the token lives the result goes into the original (see DeliverAsync): it is there or nowhere.
                return GenerationButtons.ShowsResultOf(original, generation.Id) ? new DeliveryReceipt(original.ChannelId, original.Id) : null;
            }
            catch (DiscordHttpException exception) when (exception.IsInteractionTokenExpired || exception.IsUnknownMessage)
            {
                // The original is gone (deleted, or never answered): the result, if any, was posted to the channel.
                LogOriginalGone(generation.Id, exception.Code);
            }
        }

        return await FindInChannelAsync(generation, cancellationToken).ConfigureAwait(false);
    }

    public async Task ShowFailureAsync(
        GenerationRecord generation,
        GenerationFailure failure,
        CreditBalance? balance,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generation);
        ArgumentNullException.ThrowIfNull(failure);
        var culture = Culture(generation);
        if (failure.IsOperatorProblem)
        {
            _alerts.Raise(new OperatorAlert(
                failure.Apiframe!.Kind == ApiframeFailureKind.Unauthorized
                    ? OperatorAlertKind.ApiKeyRejected
                    : OperatorAlertKind.ApiframeOutOfCredits,
                failure.Apiframe.Kind == ApiframeFailureKind.Unauthorized
                    ? "Apiframe rejected the bot's API key, so images cannot be made. Check Apiframe:ApiKey (it must be an active key starting with afk_)."
                    : OperatorAlertText.OutOfCredits(failure.Apiframe),
                generation.GuildId == 0 ? null : generation.GuildId));
        }

        var message = GenerationMessages.Failure(generation, failure, balance, _apiframe.CurrentValue.JobTimeout, culture);
        if (TokenValid(generation) && await EditOriginalAsync(generation, message, null, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        await PostToChannelAsync(
            generation,
            "f",
            BotText.Format(culture, "FailureForLate", "<@" + generation.UserId + ">"),
            message.Embeds![0],
            [],
            null,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Looks for the result among the channel's messages since the request, newest pages first.</summary>
    private async Task<DeliveryReceipt?> FindInChannelAsync(GenerationRecord generation, CancellationToken cancellationToken)
    {
        var channelId = generation.Target.ChannelId;
        if (channelId == 0)
        {
            return null;
        }

        var after = generation.Target.InteractionId != 0
            ? generation.Target.InteractionId
            : DeliveryTargets.SnowflakeAt(generation.CreatedAt);
        for (var page = 0; page < ChannelPagesSearched; page++)
        {
            var messages = await _rest.GetChannelMessagesAfterAsync(channelId, after, 100, cancellationToken).ConfigureAwait(false);
            if (messages.FirstOrDefault(message => GenerationButtons.ShowsResultOf(message, generation.Id)) is { } shown)
            {
                return new DeliveryReceipt(shown.ChannelId, shown.Id);
            }

            if (messages.Count < 100)
            {
                return null;
            }

            after = messages.Max(message => message.Id);
        }

        LogChannelSearchGaveUp(generation.Id, ChannelPagesSearched * 100);
        return null;
    }

    private bool TokenValid(GenerationRecord generation) =>
        !string.IsNullOrEmpty(generation.Target.InteractionToken)
        && _time.GetUtcNow() - generation.Target.InteractionCreatedAt < TokenLifetime;

    /// <summary>Edits the original response; null when the token or the message is gone (then post to the channel).</summary>
    private async Task<Message?> EditOriginalAsync(
        GenerationRecord generation,
        MessageEdit edit,
        IReadOnlyList<DiscordFile>? files,
        CancellationToken cancellationToken)
    {
        try
        {
            return await _rest.EditOriginalResponseAsync(
                generation.Target.ApplicationId,
                generation.Target.InteractionToken,
                edit,
                files,
                files is null ? null : UploadLimit(generation),
                cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordHttpException exception) when (exception.IsInteractionTokenExpired || exception.IsUnknownMessage)
        {
            LogOriginalGone(generation.Id, exception.Code);
            generation.Target.InteractionToken = "";
            return null;
        }
    }

    private Task<Message> PostToChannelAsync(
        GenerationRecord generation,
        string noncePrefix,
        string content,
        Embed embed,
        IReadOnlyList<Component> components,
        IReadOnlyList<DiscordFile>? files,
        CancellationToken cancellationToken) =>
        _rest.CreateMessageAsync(
            generation.Target.ChannelId,
            new MessageCreate
            {
                Content = content,
                Embeds = [embed],
                Components = components,
                AllowedMentions = AllowedMentions.OnlyUsers(generation.UserId),

                // Discord drops a second message with the same nonce, so a retry after a timeout posts once.
                Nonce = noncePrefix + generation.Id,
                EnforceNonce = true,
            },
            files,
            files is null ? null : UploadLimit(generation),
            cancellationToken);

    private static long UploadLimit(GenerationRecord generation) =>
        generation.Target.AttachmentSizeLimit > 0 ? generation.Target.AttachmentSizeLimit : GenerationProcessor.DefaultAttachmentSizeLimit;

    private static string FileNameFor(GenerationRecord generation, DownloadedImage image)
    {
        var extension = Path.GetExtension(image.FileName);
        return "seedream-" + generation.Id + (string.IsNullOrEmpty(extension) ? ".png" : extension);
    }

    private static System.Globalization.CultureInfo Culture(GenerationRecord generation) => BotCultures.For(generation.Target.Locale);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId}: the original message can no longer be edited ({Code}); using the channel")]
    private partial void LogOriginalGone(string generationId, DiscordErrorCode code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId}: no result among the {Count} channel messages since the request; taking it as not posted")]
    private partial void LogChannelSearchGaveUp(string generationId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId}: Discord refused a {Bytes}-byte upload as too large; fitting it under {Limit} bytes")]
    private partial void LogUploadRefused(string generationId, int bytes, long limit);
}
