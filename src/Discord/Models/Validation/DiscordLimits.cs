namespace SeedreamBot.Discord.Models.Validation;

/// <summary>Discord's documented request limits (lengths count Unicode code points, as Discord does).</summary>
public static class DiscordLimits
{
    public const int MessageContent = 2000;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFields = 25;
    public const int EmbedFieldName = 256;
    public const int EmbedFieldValue = 1024;
    public const int EmbedFooterText = 2048;
    public const int EmbedAuthorName = 256;

    /// <summary>Title + description + field names and values + footer text + author name, across all embeds of a message.</summary>
    public const int EmbedTotalCharacters = 6000;
    public const int EmbedUrl = 2048;
    public const int EmbedColorMax = 0xFFFFFF;

    public const int ActionRowsPerMessage = 5;
    public const int ButtonsPerRow = 5;

    /// <summary>Components V2 messages: all components, nested ones included.</summary>
    public const int ComponentsV2Total = 40;
    public const int CustomId = 100;
    public const int ButtonLabel = 80;
    public const int ButtonUrl = 512;

    public const int ModalTitle = 45;
    public const int ModalComponents = 5;
    public const int LabelText = 45;
    public const int LabelDescription = 100;
    public const int TextInputLabel = 45;
    public const int TextInputValue = 4000;
    public const int TextInputPlaceholder = 100;
    public const int TextDisplayContent = 4000;

    public const int AttachmentsPerMessage = 10;
    public const int AttachmentDescription = 1024;
    public const int AttachmentFilename = 1024;

    /// <summary>Discord's default per-file upload limit (10 MiB) when an interaction does not say otherwise.</summary>
    public const long DefaultFileSize = 10 * 1024 * 1024;

    public const int NonceLength = 25;
    public const int AutocompleteChoices = 25;

    public const int CommandName = 32;
    public const int CommandDescription = 100;
    public const int CommandOptions = 25;
    public const int CommandChoices = 25;
    public const int ChoiceName = 100;
    public const int ChoiceStringValue = 100;
    public const int OptionStringLength = 6000;

    /// <summary>Name + description + option names/descriptions + choice names/values of one command.</summary>
    public const int CommandTotalCharacters = 8000;
    public const int ChatInputCommands = 100;
    public const int UserCommands = 15;
    public const int MessageCommands = 15;

    /// <summary>The largest INTEGER option value, 2^53 - 1.</summary>
    public const double MaxSafeInteger = 9007199254740991;
}
