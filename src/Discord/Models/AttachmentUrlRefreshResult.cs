namespace SeedreamBot.Discord.Models;

/// <summary>The answer of <c>POST /attachments/refresh-urls</c>: a fresh URL for each file Discord still has.</summary>
public sealed class AttachmentUrlRefreshResult
{
    public IReadOnlyList<RefreshedAttachmentUrl> RefreshedUrls { get; init; } = [];
}
