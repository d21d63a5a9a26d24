namespace SeedreamBot.Discord.Models;

/// <summary>The body of <c>POST /attachments/refresh-urls</c>: signed CDN URLs, expired or not, to sign again.</summary>
public sealed class AttachmentUrlRefresh
{
    public IReadOnlyList<string> AttachmentUrls { get; init; } = [];
}
