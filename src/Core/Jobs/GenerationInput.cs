namespace SeedreamBot.Core.Jobs;

/// <summary>
/// Where one input image of a generation really lives, so it can be used again after its link expired: Discord's
/// links are signed and die within a day, Apiframe's uploads within hours. A message's attachment is fetched afresh
/// from Discord; an image attached to a slash command (it belongs to no message) is the bot's own copy in the image
/// store, uploaded to Apiframe again when reused.
/// </summary>
public sealed class GenerationInput
{
    /// <summary>The link as it was first given (already expired when reused).</summary>
    public string Url { get; set; } = "";

    /// <summary>The file name the member saw, for messages.</summary>
    public string? FileName { get; set; }

    /// <summary>The content address of the bot's copy in the image store; null when Discord keeps it on a message.</summary>
    public string? StoredHash { get; set; }

    /// <summary>The channel of the message it is attached to, if any.</summary>
    public ulong? ChannelId { get; set; }

    /// <summary>The message it is attached to, if any (a result, or the target of "Edit with Seedream").</summary>
    public ulong? MessageId { get; set; }

    /// <summary>The attachment's id on Discord, if it is one.</summary>
    public ulong? AttachmentId { get; set; }

    public GenerationInput Copy() => (GenerationInput)MemberwiseClone();

    public override string ToString() => FileName ?? Url;
}
