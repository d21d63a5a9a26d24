using System.Text.Json.Serialization;

namespace SeedreamBot.Discord.Models;

/// <summary>
/// An entry of a request's <c>attachments</c> array. The REST client writes one per uploaded file (id = the
/// <c>files[n]</c> index); add the ids of existing attachments to an edit to keep them (omitted ones are removed).
/// </summary>
public sealed class AttachmentReference
{
    public AttachmentReference()
    {
    }

    [JsonConstructor]
    public AttachmentReference(ulong id, string? filename = null, string? description = null)
    {
        Id = id;
        Filename = filename;
        Description = description;
    }

    /// <summary>The upload index n (written as the string "n"), or the id of an existing attachment.</summary>
    public ulong Id { get; init; }

    public string? Filename { get; init; }

    /// <summary>Alt text, up to 1,024 characters.</summary>
    public string? Description { get; init; }

    /// <summary>Keeps an existing attachment on an edit.</summary>
    public static AttachmentReference Keep(Attachment existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return new AttachmentReference(existing.Id, existing.Filename, existing.Description);
    }
}
