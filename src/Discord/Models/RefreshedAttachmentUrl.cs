namespace SeedreamBot.Discord.Models;

/// <summary>One refreshed CDN URL: the one asked about, and its newly signed form.</summary>
public sealed class RefreshedAttachmentUrl
{
    public string Original { get; init; } = "";

    public string Refreshed { get; init; } = "";
}
