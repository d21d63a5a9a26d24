using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SeedreamBot.Discord.Models.Validation;

/// <summary>
/// Checks requests against Discord's limits before they are sent, so the bot never earns a 50035 (or a 413) for
/// something it could have known. Every method throws <see cref="DiscordValidationException"/> listing all problems.
/// </summary>
public static partial class DiscordValidator
{
    private const string AttachmentScheme = "attachment://";

    /// <summary>Checks an interaction response and the files uploaded with it.</summary>
    public static void ValidateInteractionResponse(InteractionResponse response, IReadOnlyList<DiscordFile>? files = null, long? maxFileSize = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var errors = new ValidationErrors();
        var data = response.Data;
        var hasFiles = files is { Count: > 0 };
        switch (response.Type)
        {
            case InteractionCallbackType.ChannelMessageWithSource:
                if (data is null)
                {
                    errors.Add("data", "a type 4 response needs data (content, embeds, components or files)");
                    break;
                }

                CheckMessage(errors, "data.", data, files, maxFileSize, requireBody: true, allowEphemeral: true);
                CheckNoModalFields(errors, data);
                break;
            case InteractionCallbackType.UpdateMessage:
                if (data is null)
                {
                    errors.Add("data", "a type 7 response needs data: the new state of the message");
                    break;
                }

                CheckMessage(errors, "data.", data, files, maxFileSize, requireBody: false, allowEphemeral: false);
                CheckNoModalFields(errors, data);
                break;
            case InteractionCallbackType.DeferredChannelMessageWithSource:
                if (data is not null && (data.Content is not null || data.Embeds is not null || data.Components is not null || data.Attachments is not null))
                {
                    errors.Add("data", "a type 5 (deferred) response only takes flags; send the message by editing @original");
                }

                if (data?.Flags is { } flags && (flags & ~MessageFlags.Ephemeral) != 0)
                {
                    errors.Add("data.flags", "a type 5 (deferred) response only takes the Ephemeral flag");
                }

                CheckNoFiles(errors, hasFiles, "type 5");
                break;
            case InteractionCallbackType.DeferredUpdateMessage:
                if (data is not null)
                {
                    errors.Add("data", "a type 6 (deferred update) response takes no data");
                }

                CheckNoFiles(errors, hasFiles, "type 6");
                break;
            case InteractionCallbackType.Modal:
                CheckModal(errors, data);
                CheckNoFiles(errors, hasFiles, "a modal");
                break;
            case InteractionCallbackType.ApplicationCommandAutocompleteResult:
                errors.Count("data.choices", data?.Choices, DiscordLimits.AutocompleteChoices, "choices");
                if (data?.Choices is { } choices)
                {
                    for (var i = 0; i < choices.Count; i++)
                    {
                        CheckChoice(errors, $"data.choices[{i}]", choices[i], null);
                    }
                }

                CheckNoFiles(errors, hasFiles, "an autocomplete result");
                break;
            case InteractionCallbackType.Pong:
                CheckNoFiles(errors, hasFiles, "a pong");
                break;
            default:
                errors.Add("type", $"callback type {(int)response.Type} is not one a bot sends");
                break;
        }

        errors.ThrowIfAny();
    }

    /// <summary>Checks a channel message and its files.</summary>
    public static void ValidateMessageCreate(MessageCreate message, IReadOnlyList<DiscordFile>? files = null, long? maxFileSize = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var errors = new ValidationErrors();
        CheckMessage(errors, "", message, files, maxFileSize, requireBody: true, allowEphemeral: false);
        if (message.Nonce is not null)
        {
            errors.Length("nonce", message.Nonce, DiscordLimits.NonceLength, min: 1);
        }
        else if (message.EnforceNonce == true)
        {
            errors.Add("enforce_nonce", "needs a nonce");
        }

        errors.ThrowIfAny();
    }

    /// <summary>Checks a follow-up message and its files.</summary>
    public static void ValidateFollowup(FollowupMessageCreate message, IReadOnlyList<DiscordFile>? files = null, long? maxFileSize = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var errors = new ValidationErrors();
        CheckMessage(errors, "", message, files, maxFileSize, requireBody: true, allowEphemeral: true);
        errors.ThrowIfAny();
    }

    /// <summary>Checks an edit (of a channel message, <c>@original</c> or a follow-up) and its files.</summary>
    public static void ValidateMessageEdit(MessageEdit edit, IReadOnlyList<DiscordFile>? files = null, long? maxFileSize = null)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var errors = new ValidationErrors();
        CheckMessage(errors, "", edit, files, maxFileSize, requireBody: false, allowEphemeral: false);
        errors.ThrowIfAny();
    }

    /// <summary>Checks one embed on its own (the 6,000 total applies to the embed alone here).</summary>
    public static void ValidateEmbed(Embed embed)
    {
        ArgumentNullException.ThrowIfNull(embed);
        var errors = new ValidationErrors();
        var total = CheckEmbed(errors, "", embed);
        if (total > DiscordLimits.EmbedTotalCharacters)
        {
            errors.Add("", string.Create(CultureInfo.InvariantCulture, $"the embed has {total} characters in total, the limit is {DiscordLimits.EmbedTotalCharacters}"));
        }

        errors.ThrowIfAny();
    }

    /// <summary>Checks message components (action rows of buttons) as they would be sent.</summary>
    public static void ValidateComponents(IReadOnlyList<Component> components, bool componentsV2 = false)
    {
        ArgumentNullException.ThrowIfNull(components);
        var errors = new ValidationErrors();
        CheckComponents(errors, "components", components, componentsV2);
        errors.ThrowIfAny();
    }

    /// <summary>Checks a set of command definitions for a bulk overwrite.</summary>
    public static void ValidateCommands(IReadOnlyList<ApplicationCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var errors = new ValidationErrors();
        var names = new HashSet<(ApplicationCommandType, string)>();
        var perType = new Dictionary<ApplicationCommandType, int>();
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            var path = $"[{i}]";
            if (command is null)
            {
                errors.Add(path, "is null");
                continue;
            }

            var type = command.Type ?? ApplicationCommandType.ChatInput;
            perType[type] = perType.GetValueOrDefault(type) + 1;
            if (!names.Add((type, command.Name)))
            {
                errors.Add($"{path}.name", $"'{command.Name}' is defined twice for the same command type");
            }

            CheckCommand(errors, path, command, type);
        }

        CheckTypeCount(errors, perType, ApplicationCommandType.ChatInput, DiscordLimits.ChatInputCommands, "slash commands");
        CheckTypeCount(errors, perType, ApplicationCommandType.User, DiscordLimits.UserCommands, "user commands");
        CheckTypeCount(errors, perType, ApplicationCommandType.Message, DiscordLimits.MessageCommands, "message commands");
        errors.ThrowIfAny();
    }

    private static void CheckTypeCount(ValidationErrors errors, Dictionary<ApplicationCommandType, int> perType, ApplicationCommandType type, int max, string what)
    {
        if (perType.GetValueOrDefault(type) > max)
        {
            errors.Add("", string.Create(CultureInfo.InvariantCulture, $"{perType[type]} {what}, the limit is {max}"));
        }
    }

    private static void CheckNoFiles(ValidationErrors errors, bool hasFiles, string what)
    {
        if (hasFiles)
        {
            errors.Add("files", $"{what} cannot carry files");
        }
    }

    private static void CheckNoModalFields(ValidationErrors errors, InteractionCallbackData data)
    {
        if (data.CustomId is not null || data.Title is not null)
        {
            errors.Add("data", "custom_id and title belong to modal (type 9) responses");
        }

        if (data.Choices is not null)
        {
            errors.Add("data.choices", "choices belong to autocomplete (type 8) responses");
        }
    }

    private static void CheckMessage(
        ValidationErrors errors,
        string prefix,
        IMessagePayload message,
        IReadOnlyList<DiscordFile>? files,
        long? maxFileSize,
        bool requireBody,
        bool allowEphemeral)
    {
        errors.Length($"{prefix}content", message.Content, DiscordLimits.MessageContent);

        var flags = message.Flags ?? MessageFlags.None;
        var componentsV2 = flags.HasFlag(MessageFlags.IsComponentsV2);
        if (!allowEphemeral && flags.HasFlag(MessageFlags.Ephemeral))
        {
            errors.Add($"{prefix}flags", "Ephemeral can only be set when creating interaction responses and follow-ups");
        }

        if (componentsV2 && (!string.IsNullOrEmpty(message.Content) || message.Embeds is { Count: > 0 }))
        {
            errors.Add($"{prefix}flags", "a Components V2 message (flag 32768) cannot have content or embeds");
        }

        if (message.Embeds is { } embeds)
        {
            errors.Count($"{prefix}embeds", embeds, DiscordLimits.EmbedsPerMessage, "embeds");
            var total = 0;
            for (var i = 0; i < embeds.Count; i++)
            {
                if (embeds[i] is null)
                {
                    errors.Add($"{prefix}embeds[{i}]", "is null");
                    continue;
                }

                total += CheckEmbed(errors, $"{prefix}embeds[{i}].", embeds[i]);
            }

            if (total > DiscordLimits.EmbedTotalCharacters)
            {
                errors.Add($"{prefix}embeds", string.Create(CultureInfo.InvariantCulture,
                    $"{total} characters in total across the embeds, the limit is {DiscordLimits.EmbedTotalCharacters}"));
            }
        }

        if (message.Components is { } components)
        {
            CheckComponents(errors, $"{prefix}components", components, componentsV2);
        }

        if (message.AllowedMentions is { Parse: { } parse } mentions)
        {
            if (parse.Contains("users") && mentions.Users is { Count: > 0 })
            {
                errors.Add($"{prefix}allowed_mentions", "parse 'users' and a users list are mutually exclusive");
            }

            if (parse.Contains("roles") && mentions.Roles is { Count: > 0 })
            {
                errors.Add($"{prefix}allowed_mentions", "parse 'roles' and a roles list are mutually exclusive");
            }
        }

        CheckAttachments(errors, prefix, message, files, maxFileSize);

        var hasFiles = files is { Count: > 0 };
        if (requireBody
            && string.IsNullOrWhiteSpace(message.Content)
            && message.Embeds is not { Count: > 0 }
            && message.Components is not { Count: > 0 }
            && !hasFiles)
        {
            errors.Add(prefix.TrimEnd('.'), "a message needs content, an embed, a component or a file (Discord refuses empty messages)");
        }
    }

    private static void CheckAttachments(ValidationErrors errors, string prefix, IMessagePayload message, IReadOnlyList<DiscordFile>? files, long? maxFileSize)
    {
        var attachments = message.Attachments;
        var knownNames = new HashSet<string>(StringComparer.Ordinal);
        var everyNameKnown = true;
        if (attachments is not null)
        {
            for (var i = 0; i < attachments.Count; i++)
            {
                var attachment = attachments[i];
                errors.Length($"{prefix}attachments[{i}].description", attachment.Description, DiscordLimits.AttachmentDescription);
                errors.Length($"{prefix}attachments[{i}].filename", attachment.Filename, DiscordLimits.AttachmentFilename, min: 1);
                if (attachment.Filename is { } name)
                {
                    knownNames.Add(name);
                }
                else
                {
                    everyNameKnown = false;
                }
            }
        }
        else if (message is MessageEdit)
        {
            // An edit without an attachments list keeps the existing files, whose names we do not know.
            everyNameKnown = false;
        }

        var fileCount = files?.Count ?? 0;
        if (files is not null)
        {
            errors.Count("files", files, DiscordLimits.AttachmentsPerMessage, "files");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < files.Count; i++)
            {
                var file = files[i];
                if (file is null)
                {
                    errors.Add($"files[{i}]", "is null");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(file.FileName))
                {
                    errors.Add($"files[{i}].filename", "is required");
                }
                else
                {
                    errors.Length($"files[{i}].filename", file.FileName, DiscordLimits.AttachmentFilename);
                    if (file.FileName.IndexOfAny(['/', '\\']) >= 0)
                    {
                        errors.Add($"files[{i}].filename", "must be a bare file name without directories");
                    }

                    if (!seen.Add(file.FileName))
                    {
                        errors.Add($"files[{i}].filename", $"'{file.FileName}' is used by two files; attachment:// references would be ambiguous");
                    }

                    knownNames.Add(file.FileName);
                }

                errors.Length($"files[{i}].description", file.Description, DiscordLimits.AttachmentDescription);
                if (file.Length == 0)
                {
                    errors.Add($"files[{i}]", "is empty");
                }

                if (maxFileSize is { } max && file.Length > max)
                {
                    errors.Add($"files[{i}]", string.Create(CultureInfo.InvariantCulture,
                        $"{file.FileName} is {file.Length:N0} bytes, the upload limit here is {max:N0} bytes"));
                }
            }
        }

        var keptCount = attachments?.Count(a => a.Id >= (ulong)fileCount) ?? 0;
        if (keptCount + fileCount > DiscordLimits.AttachmentsPerMessage)
        {
            errors.Add($"{prefix}attachments", string.Create(CultureInfo.InvariantCulture,
                $"{keptCount + fileCount} attachments, the limit is {DiscordLimits.AttachmentsPerMessage}"));
        }

        if (!everyNameKnown || message.Embeds is null)
        {
            return;
        }

        for (var i = 0; i < message.Embeds.Count; i++)
        {
            var embed = message.Embeds[i];
            if (embed is null)
            {
                continue;
            }

            CheckAttachmentReference(errors, $"{prefix}embeds[{i}].image.url", embed.Image?.Url, knownNames);
            CheckAttachmentReference(errors, $"{prefix}embeds[{i}].thumbnail.url", embed.Thumbnail?.Url, knownNames);
            CheckAttachmentReference(errors, $"{prefix}embeds[{i}].footer.icon_url", embed.Footer?.IconUrl, knownNames);
            CheckAttachmentReference(errors, $"{prefix}embeds[{i}].author.icon_url", embed.Author?.IconUrl, knownNames);
        }
    }

    private static void CheckAttachmentReference(ValidationErrors errors, string path, string? url, HashSet<string> knownNames)
    {
        if (url is not null
            && url.StartsWith(AttachmentScheme, StringComparison.OrdinalIgnoreCase)
            && !knownNames.Contains(url[AttachmentScheme.Length..]))
        {
            errors.Add(path, $"{url} names no file of this message");
        }
    }

    private static int CheckEmbed(ValidationErrors errors, string prefix, Embed embed)
    {
        var total = 0;
        int Count(string? text) => text is null ? 0 : TextLength.Of(text);

        errors.Length($"{prefix}title", embed.Title, DiscordLimits.EmbedTitle);
        errors.Length($"{prefix}description", embed.Description, DiscordLimits.EmbedDescription);
        total += Count(embed.Title) + Count(embed.Description);
        CheckUrl(errors, $"{prefix}url", embed.Url, allowAttachment: false);
        CheckUrl(errors, $"{prefix}image.url", embed.Image?.Url, allowAttachment: true, required: embed.Image is not null);
        CheckUrl(errors, $"{prefix}thumbnail.url", embed.Thumbnail?.Url, allowAttachment: true, required: embed.Thumbnail is not null);
        if (embed.Color is < 0 or > DiscordLimits.EmbedColorMax)
        {
            errors.Add($"{prefix}color", string.Create(CultureInfo.InvariantCulture, $"{embed.Color} is not a 0xRRGGBB colour (0 to 16777215)"));
        }

        if (embed.Footer is { } footer)
        {
            errors.Required($"{prefix}footer.text", footer.Text, DiscordLimits.EmbedFooterText);
            CheckUrl(errors, $"{prefix}footer.icon_url", footer.IconUrl, allowAttachment: true);
            total += Count(footer.Text);
        }

        if (embed.Author is { } author)
        {
            errors.Required($"{prefix}author.name", author.Name, DiscordLimits.EmbedAuthorName);
            CheckUrl(errors, $"{prefix}author.url", author.Url, allowAttachment: false);
            CheckUrl(errors, $"{prefix}author.icon_url", author.IconUrl, allowAttachment: true);
            total += Count(author.Name);
        }

        if (embed.Fields is { } fields)
        {
            errors.Count($"{prefix}fields", fields, DiscordLimits.EmbedFields, "fields");
            for (var i = 0; i < fields.Count; i++)
            {
                errors.Required($"{prefix}fields[{i}].name", fields[i].Name, DiscordLimits.EmbedFieldName);
                errors.Required($"{prefix}fields[{i}].value", fields[i].Value, DiscordLimits.EmbedFieldValue);
                total += Count(fields[i].Name) + Count(fields[i].Value);
            }
        }

        return total;
    }

    private static void CheckUrl(ValidationErrors errors, string path, string? url, bool allowAttachment, bool required = false, int max = DiscordLimits.EmbedUrl)
    {
        if (string.IsNullOrEmpty(url))
        {
            if (required)
            {
                errors.Add(path, "is required");
            }

            return;
        }

        errors.Length(path, url, max);
        if (allowAttachment && url.StartsWith(AttachmentScheme, StringComparison.OrdinalIgnoreCase))
        {
            if (url.Length == AttachmentScheme.Length)
            {
                errors.Add(path, "attachment:// needs a file name");
            }

            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add(path, allowAttachment ? "must be an http(s) URL or attachment://<file name>" : "must be an http(s) URL");
        }
    }

    private static void CheckComponents(ValidationErrors errors, string path, IReadOnlyList<Component> components, bool componentsV2)
    {
        var customIds = new HashSet<string>(StringComparer.Ordinal);
        if (componentsV2)
        {
            var total = CountComponents(components);
            if (total > DiscordLimits.ComponentsV2Total)
            {
                errors.Add(path, string.Create(CultureInfo.InvariantCulture, $"{total} components, the limit is {DiscordLimits.ComponentsV2Total}"));
            }
        }
        else
        {
            errors.Count(path, components, DiscordLimits.ActionRowsPerMessage, "action rows");
        }

        for (var i = 0; i < components.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            switch (components[i])
            {
                case null:
                    errors.Add(itemPath, "is null");
                    break;
                case ActionRow row:
                    CheckMessageRow(errors, itemPath, row, customIds);
                    break;
                case TextInput or Label:
                    errors.Add(itemPath, "text inputs and labels belong in modals, not messages");
                    break;
                case UnknownComponent when componentsV2:
                    break;
                default:
                    if (!componentsV2)
                    {
                        errors.Add(itemPath, "a message's top-level components must be action rows (unless the message uses Components V2)");
                    }

                    break;
            }
        }
    }

    private static int CountComponents(IReadOnlyList<Component> components)
    {
        var count = 0;
        foreach (var component in components)
        {
            count++;
            if (component is ActionRow row)
            {
                count += CountComponents(row.Components);
            }
        }

        return count;
    }

    private static void CheckMessageRow(ValidationErrors errors, string path, ActionRow row, HashSet<string> customIds)
    {
        if (row.Components.Count == 0)
        {
            errors.Add($"{path}.components", "an action row needs at least one component");
            return;
        }

        var buttons = row.Components.Count(c => c is Button);
        if (buttons > 0 && buttons != row.Components.Count)
        {
            errors.Add($"{path}.components", "an action row holds either buttons or a single select menu, not both");
        }

        if (buttons == 0 && row.Components.Count > 1)
        {
            errors.Add($"{path}.components", "an action row holds only one select menu");
        }

        errors.Count($"{path}.components", row.Components, DiscordLimits.ButtonsPerRow, "buttons");
        for (var i = 0; i < row.Components.Count; i++)
        {
            var itemPath = $"{path}.components[{i}]";
            switch (row.Components[i])
            {
                case Button button:
                    CheckButton(errors, itemPath, button, customIds);
                    break;
                case ActionRow:
                    errors.Add(itemPath, "action rows cannot be nested");
                    break;
                case TextInput or Label:
                    errors.Add(itemPath, "text inputs belong in modals, not messages");
                    break;
                default:
                    break;
            }
        }
    }

    private static void CheckButton(ValidationErrors errors, string path, Button button, HashSet<string> customIds)
    {
        errors.Length($"{path}.label", button.Label, DiscordLimits.ButtonLabel);
        switch (button.Style)
        {
            case ButtonStyle.Link:
                if (button.CustomId is not null)
                {
                    errors.Add($"{path}.custom_id", "link buttons cannot have a custom_id");
                }

                if (string.IsNullOrEmpty(button.Url))
                {
                    errors.Add($"{path}.url", "link buttons need a url");
                }
                else
                {
                    errors.Length($"{path}.url", button.Url, DiscordLimits.ButtonUrl);
                    if (!Uri.TryCreate(button.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "discord"))
                    {
                        errors.Add($"{path}.url", "must be an http(s) or discord:// URL");
                    }
                }

                break;
            case ButtonStyle.Premium:
                if (button.SkuId is null)
                {
                    errors.Add($"{path}.sku_id", "premium buttons need an sku_id");
                }

                break;
            case ButtonStyle.Primary or ButtonStyle.Secondary or ButtonStyle.Success or ButtonStyle.Danger:
                if (button.Url is not null)
                {
                    errors.Add($"{path}.url", "only link buttons have a url");
                }

                CheckCustomId(errors, $"{path}.custom_id", button.CustomId, customIds);
                break;
            default:
                errors.Add($"{path}.style", $"{(int)button.Style} is not a button style (1–6)");
                break;
        }

        if (button.Style != ButtonStyle.Premium && string.IsNullOrEmpty(button.Label) && button.Emoji is null)
        {
            errors.Add(path, "a button needs a label or an emoji");
        }
    }

    private static void CheckCustomId(ValidationErrors errors, string path, string? customId, HashSet<string> customIds)
    {
        if (string.IsNullOrEmpty(customId))
        {
            errors.Add(path, "is required (1–100 characters)");
            return;
        }

        errors.Length(path, customId, DiscordLimits.CustomId);
        if (!customIds.Add(customId))
        {
            errors.Add(path, $"'{customId}' is used twice; custom_ids must be unique in a message or modal");
        }
    }

    private static void CheckModal(ValidationErrors errors, InteractionCallbackData? data)
    {
        if (data is null)
        {
            errors.Add("data", "a modal needs custom_id, title and components");
            return;
        }

        var customIds = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(data.CustomId))
        {
            errors.Add("data.custom_id", "is required (1–100 characters)");
        }
        else
        {
            errors.Length("data.custom_id", data.CustomId, DiscordLimits.CustomId);
        }

        errors.Required("data.title", data.Title, DiscordLimits.ModalTitle);
        if (data.Content is not null || data.Embeds is not null || data.Attachments is not null)
        {
            errors.Add("data", "a modal has no content, embeds or attachments");
        }

        var components = data.Components;
        if (components is not { Count: > 0 })
        {
            errors.Add("data.components", "a modal needs at least one component");
            return;
        }

        errors.Count("data.components", components, DiscordLimits.ModalComponents, "components");
        for (var i = 0; i < components.Count; i++)
        {
            var path = $"data.components[{i}]";
            switch (components[i])
            {
                case Label label:
                    errors.Required($"{path}.label", label.Text, DiscordLimits.LabelText);
                    errors.Length($"{path}.description", label.Description, DiscordLimits.LabelDescription, min: 1);
                    switch (label.Component)
                    {
                        case TextInput input:
                            CheckTextInput(errors, $"{path}.component", input, customIds, inLabel: true);
                            break;
                        case null:
                            errors.Add($"{path}.component", "a label wraps one input component");
                            break;
                        case UnknownComponent:
                            break;
                        default:
                            errors.Add($"{path}.component", "a label wraps an input (text input, select or file upload)");
                            break;
                    }

                    break;
                case ActionRow row:
                    if (row.Components is [TextInput rowInput])
                    {
                        CheckTextInput(errors, $"{path}.components[0]", rowInput, customIds, inLabel: false);
                    }
                    else
                    {
                        errors.Add($"{path}.components", "a modal action row holds exactly one text input");
                    }

                    break;
                case TextDisplay text:
                    errors.Length($"{path}.content", text.Content, DiscordLimits.TextDisplayContent, min: 1);
                    break;
                default:
                    errors.Add(path, "modals take Label, legacy ActionRow(TextInput) or TextDisplay components");
                    break;
            }
        }
    }

    private static void CheckTextInput(ValidationErrors errors, string path, TextInput input, HashSet<string> customIds, bool inLabel)
    {
        CheckCustomId(errors, $"{path}.custom_id", input.CustomId, customIds);
        if (input.Style is not (TextInputStyle.Short or TextInputStyle.Paragraph))
        {
            errors.Add($"{path}.style", "must be Short (1) or Paragraph (2)");
        }

        if (inLabel)
        {
            errors.Length($"{path}.label", input.Label, DiscordLimits.TextInputLabel);
        }
        else
        {
            errors.Required($"{path}.label", input.Label, DiscordLimits.TextInputLabel);
        }

        errors.Length($"{path}.placeholder", input.Placeholder, DiscordLimits.TextInputPlaceholder);
        errors.Length($"{path}.value", input.Value, input.MaxLength ?? DiscordLimits.TextInputValue);
        if (input.MinLength is < 0 or > DiscordLimits.TextInputValue)
        {
            errors.Add($"{path}.min_length", "must be between 0 and 4000");
        }

        if (input.MaxLength is < 1 or > DiscordLimits.TextInputValue)
        {
            errors.Add($"{path}.max_length", "must be between 1 and 4000");
        }

        if (input.MinLength is { } min && input.MaxLength is { } max && min > max)
        {
            errors.Add($"{path}.min_length", "is larger than max_length");
        }
    }

    private static void CheckCommand(ValidationErrors errors, string path, ApplicationCommand command, ApplicationCommandType type)
    {
        var total = TextLength.Of(command.Name ?? "") + TextLength.Of(command.Description ?? "");
        switch (type)
        {
            case ApplicationCommandType.ChatInput:
                CheckChatInputName(errors, $"{path}.name", command.Name);
                errors.Required($"{path}.description", command.Description, DiscordLimits.CommandDescription);
                total += CheckOptions(errors, $"{path}.options", command.Options, depth: 0);
                break;
            case ApplicationCommandType.User or ApplicationCommandType.Message:
                errors.Required($"{path}.name", command.Name, DiscordLimits.CommandName);
                if (!string.IsNullOrEmpty(command.Description))
                {
                    errors.Add($"{path}.description", "context-menu commands have an empty description");
                }

                if (command.Options is { Count: > 0 })
                {
                    errors.Add($"{path}.options", "only slash commands take options");
                }

                break;
            default:
                errors.Required($"{path}.name", command.Name, DiscordLimits.CommandName);
                break;
        }

        CheckLocalizations(errors, $"{path}.name_localizations", command.NameLocalizations, DiscordLimits.CommandName);
        CheckLocalizations(errors, $"{path}.description_localizations", command.DescriptionLocalizations, DiscordLimits.CommandDescription);
        if (total > DiscordLimits.CommandTotalCharacters)
        {
            errors.Add(path, string.Create(CultureInfo.InvariantCulture,
                $"{total} characters across names, descriptions and choices, the limit is {DiscordLimits.CommandTotalCharacters}"));
        }
    }

    private static void CheckLocalizations(ValidationErrors errors, string path, IReadOnlyDictionary<string, string>? localizations, int max)
    {
        if (localizations is null)
        {
            return;
        }

        foreach (var (locale, text) in localizations)
        {
            errors.Length($"{path}.{locale}", text, max, min: 1);
        }
    }

    private static int CheckOptions(ValidationErrors errors, string path, IReadOnlyList<ApplicationCommandOption>? options, int depth)
    {
        if (options is null)
        {
            return 0;
        }

        var total = 0;
        errors.Count(path, options, DiscordLimits.CommandOptions, "options");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var sawOptional = false;
        var subcommands = options.Count(o => o?.Type is ApplicationCommandOptionType.Subcommand or ApplicationCommandOptionType.SubcommandGroup);
        if (subcommands > 0 && subcommands != options.Count)
        {
            errors.Add(path, "subcommands and groups cannot be mixed with other options at the same level");
        }

        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            var itemPath = $"{path}[{i}]";
            if (option is null)
            {
                errors.Add(itemPath, "is null");
                continue;
            }

            CheckChatInputName(errors, $"{itemPath}.name", option.Name);
            if (!names.Add(option.Name ?? ""))
            {
                errors.Add($"{itemPath}.name", $"'{option.Name}' is used twice at this level");
            }

            errors.Required($"{itemPath}.description", option.Description, DiscordLimits.CommandDescription);
            total += TextLength.Of(option.Name ?? "") + TextLength.Of(option.Description ?? "");
            CheckLocalizations(errors, $"{itemPath}.name_localizations", option.NameLocalizations, DiscordLimits.CommandName);
            CheckLocalizations(errors, $"{itemPath}.description_localizations", option.DescriptionLocalizations, DiscordLimits.CommandDescription);

            var isGroup = option.Type == ApplicationCommandOptionType.SubcommandGroup;
            var isSubcommand = option.Type == ApplicationCommandOptionType.Subcommand;
            if (isGroup || isSubcommand)
            {
                if (option.Required is not null)
                {
                    errors.Add($"{itemPath}.required", "subcommands and groups have no 'required'");
                }

                if (isGroup && depth > 0)
                {
                    errors.Add(itemPath, "subcommand groups can only be at the top level");
                }

                if (isSubcommand && depth > 1)
                {
                    errors.Add(itemPath, "subcommands nest at most inside one group");
                }

                if (isGroup && option.Options?.Any(o => o?.Type != ApplicationCommandOptionType.Subcommand) == true)
                {
                    errors.Add($"{itemPath}.options", "a subcommand group holds only subcommands");
                }

                if (isGroup && option.Options is not { Count: > 0 })
                {
                    errors.Add($"{itemPath}.options", "a subcommand group needs at least one subcommand");
                }

                total += CheckOptions(errors, $"{itemPath}.options", option.Options, depth + 1);
                continue;
            }

            if (option.Options is { Count: > 0 })
            {
                errors.Add($"{itemPath}.options", "only subcommands and groups have nested options");
            }

            if (option.Required == true && sawOptional)
            {
                errors.Add($"{itemPath}.required", "required options must come before optional ones");
            }

            sawOptional |= option.Required != true;
            total += CheckOptionConstraints(errors, itemPath, option);
        }

        return total;
    }

    private static int CheckOptionConstraints(ValidationErrors errors, string path, ApplicationCommandOption option)
    {
        var total = 0;
        var type = option.Type;
        var takesChoices = type is ApplicationCommandOptionType.String or ApplicationCommandOptionType.Integer or ApplicationCommandOptionType.Number;
        if (option.Choices is { } choices)
        {
            if (!takesChoices)
            {
                errors.Add($"{path}.choices", "only STRING, INTEGER and NUMBER options take choices");
            }

            errors.Count($"{path}.choices", choices, DiscordLimits.CommandChoices, "choices");
            if (option.Autocomplete == true)
            {
                errors.Add($"{path}.autocomplete", "cannot be true when choices are given");
            }

            for (var i = 0; i < choices.Count; i++)
            {
                total += CheckChoice(errors, $"{path}.choices[{i}]", choices[i], type);
            }
        }

        if (option.Autocomplete == true && !takesChoices)
        {
            errors.Add($"{path}.autocomplete", "only STRING, INTEGER and NUMBER options autocomplete");
        }

        if ((option.MinLength is not null || option.MaxLength is not null) && type != ApplicationCommandOptionType.String)
        {
            errors.Add(path, "min_length and max_length apply to STRING options");
        }

        if (option.MinLength is < 0 or > DiscordLimits.OptionStringLength)
        {
            errors.Add($"{path}.min_length", "must be between 0 and 6000");
        }

        if (option.MaxLength is < 1 or > DiscordLimits.OptionStringLength)
        {
            errors.Add($"{path}.max_length", "must be between 1 and 6000");
        }

        if (option.MinLength > option.MaxLength)
        {
            errors.Add($"{path}.min_length", "is larger than max_length");
        }

        if ((option.MinValue is not null || option.MaxValue is not null)
            && type is not (ApplicationCommandOptionType.Integer or ApplicationCommandOptionType.Number))
        {
            errors.Add(path, "min_value and max_value apply to INTEGER and NUMBER options");
        }

        if (type == ApplicationCommandOptionType.Integer)
        {
            foreach (var (name, value) in new[] { ("min_value", option.MinValue), ("max_value", option.MaxValue) })
            {
                if (value is { } v && (Math.Abs(v) > DiscordLimits.MaxSafeInteger || Math.Floor(v) != v))
                {
                    errors.Add($"{path}.{name}", "must be a whole number within ±(2^53 - 1)");
                }
            }
        }

        if (option.MinValue > option.MaxValue)
        {
            errors.Add($"{path}.min_value", "is larger than max_value");
        }

        if (option.ChannelTypes is not null && type != ApplicationCommandOptionType.Channel)
        {
            errors.Add($"{path}.channel_types", "only CHANNEL options take channel_types");
        }

        return total;
    }

    private static int CheckChoice(ValidationErrors errors, string path, ApplicationCommandOptionChoice choice, ApplicationCommandOptionType? type)
    {
        errors.Required($"{path}.name", choice.Name, DiscordLimits.ChoiceName);
        var total = TextLength.Of(choice.Name ?? "");
        var value = choice.Value;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString() ?? "";
                errors.Length($"{path}.value", text, DiscordLimits.ChoiceStringValue, min: 1);
                total += TextLength.Of(text);
                if (type is ApplicationCommandOptionType.Integer or ApplicationCommandOptionType.Number)
                {
                    errors.Add($"{path}.value", "must be a number for INTEGER and NUMBER options");
                }

                break;
            case JsonValueKind.Number:
                total += value.GetRawText().Length;
                if (type == ApplicationCommandOptionType.String)
                {
                    errors.Add($"{path}.value", "must be a string for STRING options");
                }

                if (type == ApplicationCommandOptionType.Integer && !value.TryGetInt64(out _))
                {
                    errors.Add($"{path}.value", "must be a whole number for INTEGER options");
                }

                break;
            default:
                errors.Add($"{path}.value", "must be a string or a number");
                break;
        }

        return total;
    }

    private static void CheckChatInputName(ValidationErrors errors, string path, string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(path, "is required (1–32 characters)");
            return;
        }

        errors.Length(path, name, DiscordLimits.CommandName);
        if (!ChatInputNamePattern().IsMatch(name))
        {
            errors.Add(path, $"'{name}' may only contain letters, digits, '-', '_' and \"'\" (no spaces)");
        }
        else if (!string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            errors.Add(path, $"'{name}' must be lowercase");
        }
    }

    // Discord's CHAT_INPUT name rule: ^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$ (Unicode).
    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChatInputNamePattern();
}
