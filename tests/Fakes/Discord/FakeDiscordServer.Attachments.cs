using System.Globalization;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

// POST /attachments/refresh-urls: new signatures for attachment URLs whose files still exist on a message.
public sealed partial class FakeDiscordServer
{
    /// <summary>Discord refreshes at most this many URLs per request.</summary>
    public const int MaxRefreshUrls = 50;

    private bool AttachmentDeleted(FakeAttachment attachment) => Read(() => _deletedAttachments.Contains(attachment.Id));

    private FakeRestResult RefreshUrls(FakeRestRequest request)
    {
        var errors = new FakeErrorTree();
        if (request.Json is not JsonObject body || body["attachment_urls"] is not JsonArray urls)
        {
            errors.Required("attachment_urls", null);
            return FakeRestResult.Invalid(errors);
        }

        errors.MaxItems("attachment_urls", urls, MaxRefreshUrls);
        for (var i = 0; i < urls.Count; i++)
        {
            if (FakeMessageRules.Text(urls[i]) is null)
            {
                errors.Add($"attachment_urls.{i}", "BASE_TYPE_STRING", "Must be a string.");
            }
        }

        if (!errors.IsEmpty)
        {
            return FakeRestResult.Invalid(errors);
        }

        // Only URLs of files that still exist on a message come back; the signature of the old URL does not matter
        // (that is the point: it has expired).
        var refreshed = new JsonArray();
        foreach (var url in urls.Select(u => FakeMessageRules.Text(u)!))
        {
            if (AttachmentIdOf(url) is { } id && Refreshable(id) is { } attachment && !_deletedAttachments.Contains(id))
            {
                refreshed.Add(new JsonObject { ["original"] = url, ["refreshed"] = FreshUrl(attachment) });
            }
        }

        return FakeRestResult.Ok(new JsonObject { ["refreshed_urls"] = refreshed });
    }

    private ulong? AttachmentIdOf(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !url.StartsWith(BaseUrl + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["cdn" or "media", "attachments", var id, _]
               && ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }
}
