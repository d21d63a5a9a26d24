using System.Globalization;
using Humanizer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Images;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Net;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Core.Storage;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Generation;

/// <summary>
/// Gets input images ready for Apiframe, which fetches every link it is given, and keeps them usable afterwards:
/// <list type="bullet">
/// <item>images attached to <c>/imagine</c> and <c>/edit</c> belong to no message, so nothing can refresh their links:
/// the bot downloads each (checking its bytes), keeps a copy in the image store, and sends Discord's fresh link;</item>
/// <item>when a generation is reused (Re-roll, <c>/history</c> re-run), a kept copy is uploaded to Apiframe
/// (<c>POST /v2/uploads</c>) and a message's image gets a fresh link from Discord (the message, or
/// <c>POST /attachments/refresh-urls</c>); a stored, expired link is never sent;</item>
/// <item>"Edit with Seedream" takes images from Discord's CDN only, with the same type and size checks.</item>
/// </list>
/// Whatever cannot be used comes back as a sentence for the member, before anything is held.
/// </summary>
public sealed partial class InputImages
{
    private const int MaxParallelDownloads = 3;

    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".webp", ".gif"];

    private readonly IDiscordRestClient _rest;
    private readonly ISeedreamClient _seedream;
    private readonly ImageStore _store;
    private readonly InputImageDownloader _downloader;
    private readonly IOptionsMonitor<GenerationOptions> _options;
    private readonly IOptions<StorageOptions> _storage;
    private readonly ILogger<InputImages> _logger;

    public InputImages(
        IDiscordRestClient rest,
        ISeedreamClient seedream,
        ImageStore store,
        InputImageDownloader downloader,
        IOptionsMonitor<GenerationOptions> options,
        IOptions<StorageOptions> storage,
        ILogger<InputImages> logger)
    {
        _rest = rest;
        _seedream = seedream;
        _store = store;
        _downloader = downloader;
        _options = options;
        _storage = storage;
        _logger = logger;
    }

    /// <summary>
    /// The images on a message the member wants to edit: image attachments, then embed images, each on Discord's CDN
    /// over https and passing the <c>/edit</c> checks. Anything else is listed in <paramref name="refused"/>.
    /// </summary>
    public IReadOnlyList<GenerationInput> FromMessage(Message message, CultureInfo culture, out List<string> refused)
    {
        ArgumentNullException.ThrowIfNull(message);
        var hosts = new HostAllowList(_options.CurrentValue.InputImageHosts);
        var inputs = new List<GenerationInput>();
        refused = [];
        var number = 0;
        foreach (var attachment in message.Attachments)
        {
            if (!attachment.IsImage && !(attachment.ContentType is null && LooksLikeImage(attachment.Filename)))
            {
                continue; // a text file beside the pictures is not an image the member meant
            }

            number++;
            if (!IsAllowed(hosts, attachment.Url, out var host))
            {
                refused.Add(BotText.Format(culture, "InputHostRefused", number, host));
                continue;
            }

            var problems = AttachmentInputs.Check([attachment], _options.CurrentValue.MaxInputImageBytes, culture, out _);
            if (problems.Count > 0)
            {
                refused.AddRange(problems);
                continue;
            }

            inputs.Add(new GenerationInput
            {
                Url = attachment.Url,
                FileName = attachment.Filename,
                ChannelId = message.ChannelId,
                MessageId = message.Id,
                AttachmentId = attachment.Id,
            });
        }

        foreach (var embed in message.Embeds)
        {
            foreach (var url in new[] { embed.Image?.Url, embed.Thumbnail?.Url })
            {
                if (url is null || inputs.Any(input => input.Url == url))
                {
                    continue;
                }

                number++;
                if (!IsAllowed(hosts, url, out var host))
                {
                    refused.Add(BotText.Format(culture, "InputHostRefused", number, host));
                    continue;
                }

                inputs.Add(new GenerationInput { Url = url, FileName = FileNameOf(url), ChannelId = message.ChannelId, MessageId = message.Id });
            }
        }

        return inputs;
    }

    /// <summary>
    /// Attachments of a slash command (already checked by their metadata): downloads each, checks its bytes, keeps a
    /// copy for later; Apiframe gets Discord's links, fresh now.
    /// </summary>
    public async Task<PreparedInputs> KeepAsync(IReadOnlyList<Attachment> attachments, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        if (attachments.Count == 0)
        {
            return PreparedInputs.None;
        }

        // A few at a time: fourteen 20 MiB inputs at once would hold 280 MiB for one request.
        using var slots = new SemaphoreSlim(MaxParallelDownloads);
        var prepared = await Task.WhenAll(attachments.Select(async attachment =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var (content, problem) = await DownloadCheckedAsync(attachment.Url, attachment.Filename, culture, cancellationToken).ConfigureAwait(false);
                if (content is null)
                {
                    return (Input: (GenerationInput?)null, Problem: problem);
                }

                var stored = await _store.SaveAsync(content, cancellationToken).ConfigureAwait(false);
                return (Input: new GenerationInput
                {
                    Url = attachment.Url,
                    FileName = attachment.Filename,
                    StoredHash = stored.Hash,
                    AttachmentId = attachment.Id,
                }, Problem: (string?)null);
            }
            finally
            {
                slots.Release();
            }
        })).ConfigureAwait(false);

        var problems = prepared.Select(p => p.Problem).OfType<string>().ToList();
        return problems.Count > 0
            ? PreparedInputs.Failed(problems)
            : new PreparedInputs([.. attachments.Select(a => a.Url)], [.. prepared.Select(p => p.Input!)], []);
    }

    /// <summary>
    /// Inputs found on a message a moment ago (their links are fresh): downloads each to run the <c>/edit</c> checks on
    /// its bytes (embedded images have no declared type or size), keeps nothing, since Discord keeps the message.
    /// </summary>
    public async Task<PreparedInputs> CheckAsync(IReadOnlyList<GenerationInput> inputs, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var refreshed = await RefreshAsync(inputs, culture, cancellationToken).ConfigureAwait(false);
        if (!refreshed.Ready)
        {
            return refreshed;
        }

        var found = new List<string>();
        for (var i = 0; i < refreshed.Urls.Count; i++)
        {
            var url = refreshed.Urls[i];
            if ((await DownloadCheckedAsync(url, inputs[i].FileName ?? FileNameOf(url), culture, cancellationToken).ConfigureAwait(false)).Problem is { } problem)
            {
                found.Add(problem);
            }
        }

        return found.Count > 0 ? PreparedInputs.Failed(found) : refreshed;
    }

    /// <summary>
    /// Links Apiframe can fetch now for inputs being used again: kept copies are uploaded to Apiframe, images on
    /// messages get fresh links from Discord. A copy that is gone or a deleted message is named to the member.
    /// </summary>
    public async Task<PreparedInputs> RefreshAsync(IReadOnlyList<GenerationInput> inputs, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            return PreparedInputs.None;
        }

        var urls = new string?[inputs.Count];
        var problems = new string?[inputs.Count];
        var toRefresh = new List<int>();
        var messages = new Dictionary<(ulong Channel, ulong Message), Message?>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var number = i + 1;
            if (input.StoredHash is { } hash)
            {
                (urls[i], problems[i]) = await UploadCopyAsync(hash, input, number, culture, cancellationToken).ConfigureAwait(false);
            }
            else if (input is { ChannelId: { } channel, MessageId: { } messageId })
            {
                if (!messages.TryGetValue((channel, messageId), out var message))
                {
                    message = await FetchMessageAsync(channel, messageId, cancellationToken).ConfigureAwait(false);
                    messages[(channel, messageId)] = message;
                }

                var fresh = message is null ? null : FreshUrlOn(message, input);
                if (fresh is not null)
                {
                    urls[i] = fresh;
                }
                else if (IsDiscordAttachment(input.Url))
                {
                    toRefresh.Add(i); // the message could not be read (or shows no attachments): ask for the file itself
                }
                else if (message is null)
                {
                    problems[i] = BotText.Format(culture, "InputMessageGone", number);
                }
                else
                {
                    urls[i] = input.Url; // an embedded image not on Discord's own CDN: its link does not expire
                }
            }
            else if (IsDiscordAttachment(input.Url))
            {
                toRefresh.Add(i);
            }
            else
            {
                urls[i] = input.Url;
            }
        }

        if (toRefresh.Count > 0)
        {
            var refreshed = await RefreshUrlsAsync([.. toRefresh.Select(i => inputs[i].Url)], cancellationToken).ConfigureAwait(false);
            foreach (var i in toRefresh)
            {
                if (refreshed is null)
                {
                    problems[i] = BotText.Format(culture, "InputNotReady", i + 1, inputs[i]);
                }
                else if (refreshed.TryGetValue(inputs[i].Url, out var fresh))
                {
                    urls[i] = fresh;
                }
                else
                {
                    problems[i] = BotText.Format(culture, "InputMessageGone", i + 1);
                }
            }
        }

        var found = problems.OfType<string>().ToList();
        return found.Count > 0
            ? PreparedInputs.Failed(found)
            : new PreparedInputs([.. urls.Select(url => url!)], [.. inputs.Select(input => input.Copy())], []);
    }

    /// <summary>The inputs of a generation made before the bot kept track of them: their links are all there is.</summary>
    public static IReadOnlyList<GenerationInput> Of(GenerationRecord generation)
    {
        ArgumentNullException.ThrowIfNull(generation);
        return generation.Inputs.Count == generation.InputImageUrls.Count
            ? generation.Inputs
            : [.. generation.InputImageUrls.Select(url => new GenerationInput { Url = url, FileName = FileNameOf(url) })];
    }

    private async Task<(string? Url, string? Problem)> UploadCopyAsync(
        string hash, GenerationInput input, int number, CultureInfo culture, CancellationToken cancellationToken)
    {
        var stored = _store.Find(hash);
        var content = stored is null ? null : await _store.ReadAsync(hash, cancellationToken).ConfigureAwait(false);
        if (stored is null || content is null)
        {
            LogCopyGone(hash);
            return (null, BotText.Format(culture, "InputGone", number, input, _storage.Value.ImagesRetention.Humanize(1, culture)));
        }

        var uploaded = await _seedream.UploadAsync(content, $"input-{number}.{stored.Kind.Extension()}", stored.Kind.MediaType(), cancellationToken)
            .ConfigureAwait(false);
        if (!uploaded.Succeeded)
        {
            LogUploadFailed(hash, uploaded.Failure.Kind);
            return (null, BotText.Format(culture, "InputNotReady", number, input));
        }

        return (uploaded.Value.Url.AbsoluteUri, null);
    }

    private async Task<Message?> FetchMessageAsync(ulong channelId, ulong messageId, CancellationToken cancellationToken)
    {
        try
        {
            return await _rest.GetMessageAsync(channelId, messageId, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordHttpException exception)
        {
            // Deleted, or not readable by the bot (no Read Message History): refresh-urls may still know the file.
            LogMessageUnreadable(channelId, messageId, exception.Code);
            return null;
        }
    }

    private async Task<Dictionary<string, string>?> RefreshUrlsAsync(IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        var fresh = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var batch in urls.Distinct(StringComparer.Ordinal).Chunk(DiscordRestClient.MaxRefreshUrls))
            {
                foreach (var refreshed in await _rest.RefreshAttachmentUrlsAsync(batch, cancellationToken).ConfigureAwait(false))
                {
                    fresh[refreshed.Original] = refreshed.Refreshed;
                }
            }

            return fresh;
        }
        catch (DiscordHttpException exception)
        {
            LogRefreshFailed(exception.Code);
            return null;
        }
    }

    private async Task<(byte[]? Content, string? Problem)> DownloadCheckedAsync(string url, string name, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return (null, BotText.Format(culture, "InputDownloadFailed", name));
        }

        var (content, problem) = await _downloader.DownloadAsync(uri, cancellationToken).ConfigureAwait(false);
        var maxBytes = _options.CurrentValue.MaxInputImageBytes;
        if (content is null)
        {
            return (null, problem switch
            {
                InputDownloadProblem.HostNotAllowed => BotText.Format(culture, "InputHostRefused", name, uri.Host),
                InputDownloadProblem.TooLarge => BotText.Format(culture, "InputTooLargeUnknown", name, maxBytes.Bytes().Humanize("0.#", culture)),
                _ => BotText.Format(culture, "InputDownloadFailed", name),
            });
        }

        return ImageChecks.Check(content, out var header) switch
        {
            ImageProblem.NotAnImage => (null, BotText.Format(culture, "InputNotImageBytes", name)),
            ImageProblem.TooManyPixels => (null, BotText.Format(
                culture, "InputTooManyPixels", name, header.Width.ToString("N0", culture), header.Height.ToString("N0", culture))),
            _ => (content, null),
        };
    }

    private static string? FreshUrlOn(Message message, GenerationInput input)
    {
        if (input.AttachmentId is { } id)
        {
            return message.Attachments.FirstOrDefault(a => a.Id == id)?.Url;
        }

        if (string.IsNullOrEmpty(input.Url))
        {
            return message.Attachments.FirstOrDefault(a => a.IsImage)?.Url; // "the image on this message"
        }

        // An embedded image: the embed with the same file, its link signed afresh.
        var name = FileNameOf(input.Url);
        return message.Embeds
            .SelectMany(embed => new[] { embed.Image?.Url, embed.Thumbnail?.Url })
            .OfType<string>()
            .FirstOrDefault(url => FileNameOf(url) == name && IsDiscordAttachment(url));
    }

    private static bool IsAllowed(HostAllowList hosts, string url, out string host)
    {
        host = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Scheme + "://" + uri.Authority : url;
        return uri is not null && hosts.Allows(uri);
    }

    /// <summary>A file Discord keeps for a message or an interaction: its CDN links are signed and expire.</summary>
    private static bool IsDiscordAttachment(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.AbsolutePath.Contains("/attachments/", StringComparison.Ordinal) || uri.AbsolutePath.Contains("/ephemeral-attachments/", StringComparison.Ordinal))
        && uri.Query.Contains("ex=", StringComparison.Ordinal);

    private static string FileNameOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Segments.Length > 0
            ? Uri.UnescapeDataString(uri.Segments[^1])
            : url;

    private static bool LooksLikeImage(string fileName) =>
        ImageExtensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "The kept copy {Hash} of an input image is gone (expired or evicted)")]
    private partial void LogCopyGone(string hash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uploading the kept copy {Hash} to Apiframe failed: {Kind}")]
    private partial void LogUploadFailed(string hash, ApiframeFailureKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} in channel {ChannelId} could not be read ({Code}); refreshing its files' links instead")]
    private partial void LogMessageUnreadable(ulong channelId, ulong messageId, DiscordErrorCode code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused to refresh attachment links ({Code})")]
    private partial void LogRefreshFailed(DiscordErrorCode code);
}
