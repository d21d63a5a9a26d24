using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

// The message model shared by interaction responses, follow-ups and channel messages: uploads, creation, edits.
public sealed partial class FakeDiscordServer
{
    /// <summary>
    /// Pairs <c>files[n]</c> with <c>attachments[].id</c>, enforces the per-file limit and the 10-attachment cap,
    /// and returns the message's resulting attachments (or an error).
    /// </summary>
    private FakeRestResult? ResolveAttachments(
        string prefix,
        JsonObject message,
        FakeRestRequest request,
        long sizeLimit,
        IReadOnlyList<FakeAttachment> existing,
        bool isEdit,
        out IReadOnlyList<FakeAttachment> result)
    {
        result = existing;
        var files = request.Files;
        var enforced = Math.Min(sizeLimit, Options.EnforcedMaxFileSize ?? long.MaxValue);
        foreach (var (_, file) in files)
        {
            if (file.Content.LongLength > enforced)
            {
                return FakeRestResult.Error(413, 40005, "Request entity too large");
            }
        }

        var attachments = new List<FakeAttachment>();
        var paired = new HashSet<int>();
        if (message["attachments"] is JsonArray entries)
        {
            var errors = new FakeErrorTree();
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i] as JsonObject;
                var id = FakeMessageRules.Snowflake(entry?["id"]);
                if (id is null)
                {
                    errors.Add($"{prefix}attachments.{i}.id", "BASE_TYPE_REQUIRED", "This field is required");
                    continue;
                }

                if (id < int.MaxValue && files.TryGetValue((int)id.Value, out var file))
                {
                    paired.Add((int)id.Value);
                    attachments.Add(NewAttachment(file, FakeMessageRules.Text(entry!["filename"]), FakeMessageRules.Text(entry["description"])));
                }
                else if (existing.FirstOrDefault(a => a.Id == id) is { } kept)
                {
                    attachments.Add(FakeMessageRules.Text(entry!["description"]) is { } description ? kept with { Description = description } : kept);
                }
                else
                {
                    errors.Add($"{prefix}attachments.{i}.id", "ATTACHMENT_NOT_FOUND", string.Create(CultureInfo.InvariantCulture, $"No file files[{id}] in the request and no attachment {id} on the message."));
                }
            }

            foreach (var index in files.Keys.Where(k => !paired.Contains(k)))
            {
                errors.Add($"files[{index.ToString(CultureInfo.InvariantCulture)}]", "ATTACHMENT_NOT_REFERENCED", string.Create(CultureInfo.InvariantCulture, $"No attachments entry has id {index} for this file."));
            }

            if (!errors.IsEmpty)
            {
                return FakeRestResult.Invalid(errors);
            }
        }
        else
        {
            // Without an attachments list, edits keep what is there and every file is added.
            if (isEdit)
            {
                attachments.AddRange(existing);
            }

            attachments.AddRange(files.Values.Select(f => NewAttachment(f, null, null)));
        }

        if (attachments.Count > 10)
        {
            return FakeRestResult.Error(400, 30015, "Maximum number of attachments in a message reached (10)");
        }

        result = attachments;
        return null;
    }

    private FakeAttachment NewAttachment(FakeMultipartPart file, string? filename, string? description)
    {
        var id = _ids.Next();
        var name = filename ?? file.FileName ?? "file";
        var (width, height) = PngSize(file.Content);
        var attachment = new FakeAttachment
        {
            Id = id,
            Filename = name,
            Description = description,
            ContentType = file.ContentType,
            Content = file.Content,
            Url = CdnUrl(id, name),
            Width = width,
            Height = height,
        };
        _cdn[id] = attachment;
        return attachment;
    }

    /// <summary>Creates a bot message (caller holds the lock).</summary>
    private FakeMessage AddBotMessage(ulong channelId, ulong? guildId, JsonObject body, IReadOnlyList<FakeAttachment> attachments, ulong? interactionId, int flags, string? nonce = null)
    {
        var message = new FakeMessage
        {
            Id = _ids.Next(),
            ChannelId = channelId,
            GuildId = guildId,
            AuthorId = BotUserId,
            AuthorName = Options.BotUsername,
            AuthorIsBot = true,
            Content = FakeMessageRules.Text(body["content"]) ?? "",
            Embeds = body["embeds"] is JsonArray embeds ? (JsonArray)embeds.DeepClone() : [],
            Components = body["components"] is JsonArray components ? (JsonArray)components.DeepClone() : [],
            Flags = flags,
            Attachments = attachments,
            InteractionId = interactionId,
            Nonce = nonce,
            CreatedAt = TimeProvider.GetUtcNow(),
        };
        _messages[message.Id] = [message];
        return message;
    }

    /// <summary>Applies an edit: present members replace, absent ones stay (caller holds the lock).</summary>
    private FakeMessage EditMessage(FakeMessage current, JsonObject edit, IReadOnlyList<FakeAttachment> attachments, bool clearLoading)
    {
        var flags = current.Flags;
        if (clearLoading)
        {
            flags &= ~FakeMessage.LoadingFlag;
        }

        if (FakeMessageRules.Int(edit["flags"]) is { } newFlags)
        {
            // Only SUPPRESS_EMBEDS and IS_COMPONENTS_V2 can change after creation; ephemerality sticks.
            flags = (flags & ~((1 << 2) | FakeMessageRules.ComponentsV2Flag)) | (newFlags & ((1 << 2) | FakeMessageRules.ComponentsV2Flag));
        }

        var updated = current with
        {
            Content = edit.ContainsKey("content") ? FakeMessageRules.Text(edit["content"]) ?? "" : current.Content,
            Embeds = edit.ContainsKey("embeds") ? edit["embeds"] is JsonArray e ? (JsonArray)e.DeepClone() : [] : (JsonArray)current.Embeds.DeepClone(),
            Components = edit.ContainsKey("components") ? edit["components"] is JsonArray c ? (JsonArray)c.DeepClone() : [] : (JsonArray)current.Components.DeepClone(),
            Attachments = attachments,
            Flags = flags,
            EditedAt = TimeProvider.GetUtcNow(),
            Version = current.Version + 1,
        };
        _messages[current.Id].Add(updated);
        return updated;
    }

    private FakeMessage DeleteMessage(FakeMessage current)
    {
        // Discord's CDN drops a deleted message's files.
        foreach (var attachment in current.Attachments)
        {
            _deletedAttachments.Add(attachment.Id);
        }

        var deleted = current with { Deleted = true, Version = current.Version + 1 };
        _messages[current.Id].Add(deleted);
        return deleted;
    }

    private FakeMessage? Current(ulong messageId) =>
        _messages.TryGetValue(messageId, out var versions) && !versions[^1].Deleted ? versions[^1] : null;

    /// <summary>Validates a message body and its uploads; returns an error or the attachments to store.</summary>
    private FakeRestResult? CheckMessageBody(
        string prefix,
        JsonObject? body,
        FakeRestRequest request,
        long sizeLimit,
        IReadOnlyList<FakeAttachment> existing,
        bool isEdit,
        out IReadOnlyList<FakeAttachment> attachments)
    {
        attachments = existing;
        if (body is null)
        {
            if (isEdit && request.Files.Count == 0)
            {
                return null;
            }

            return FakeRestResult.EmptyMessage();
        }

        var errors = new FakeErrorTree();
        FakeMessageRules.CheckMessage(errors, prefix, body);
        if (!errors.IsEmpty)
        {
            return FakeRestResult.Invalid(errors);
        }

        if (!isEdit && FakeMessageRules.IsEmpty(body, request.Files.Count))
        {
            return FakeRestResult.EmptyMessage();
        }

        return ResolveAttachments(prefix, body, request, sizeLimit, existing, isEdit, out attachments);
    }

    private static int CreationFlags(JsonObject body, bool allowEphemeral)
    {
        var requested = FakeMessageRules.Int(body["flags"]) ?? 0;
        var allowed = (1 << 2) | (1 << 12) | FakeMessageRules.ComponentsV2Flag | (allowEphemeral ? FakeMessage.EphemeralFlag : 0);
        return requested & allowed;
    }

    private static bool HasJsonValue(JsonNode? node, JsonValueKind kind) =>
        node is JsonValue value && value.GetValueKind() == kind;
}
