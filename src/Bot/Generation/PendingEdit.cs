namespace SeedreamBot.Bot.Generation;

/// <summary>
/// The images an "Edit with Seedream" message command found, kept until the member submits the modal (a modal
/// submission does not carry the message it came from).
/// </summary>
public sealed class PendingEdit
{
    public string Id { get; set; } = "";

    public ulong UserId { get; set; }

    public ulong GuildId { get; set; }

    public List<string> ImageUrls { get; set; } = [];

    /// <summary>Where each of <see cref="ImageUrls"/> lives (the message and attachment), in the same order.</summary>
    public List<Core.Jobs.GenerationInput> Inputs { get; set; } = [];

    /// <summary>More images than the 14 Seedream accepts were on the message; the first 14 are used.</summary>
    public bool Truncated { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
