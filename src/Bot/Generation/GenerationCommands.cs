using System.Globalization;
using SeedreamBot.Bot.Commands;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Generation;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Generation;

/// <summary>
/// The definitions of <c>/imagine</c>, <c>/edit</c> and the "Edit with Seedream" message command. Descriptions and
/// choice names come from the translation tables (<see cref="CommandTexts"/>); names never change.
/// </summary>
public sealed class GenerationCommands : ICommandSource
{
    public const string Imagine = "imagine";
    public const string Edit = "edit";
    public const string EditWithSeedream = "Edit with Seedream";
    public const string Prompt = "prompt";
    public const string Size = "size";
    public const string Aspect = "aspect";
    public const string Format = "format";
    public const string Image = "image";

    /// <summary>The attachment option names: <c>image</c>, <c>image2</c> … <c>image14</c>.</summary>
    public static IReadOnlyList<string> ImageOptionNames { get; } =
        [Image, .. Enumerable.Range(2, GenerationRequest.MaxInputImages - 1).Select(n => Image + n)];

    public IEnumerable<ApplicationCommand> Commands =>
    [
        new ApplicationCommand
        {
            Name = Imagine,
            Type = ApplicationCommandType.ChatInput,
            Description = CommandTexts.English("CommandImagine"),
            DescriptionLocalizations = CommandTexts.Translated("CommandImagine"),
            Options =
            [
                PromptOption("CommandImaginePrompt"),
                SizeOption(),
                AspectOption("CommandImagineAspect"),
                FormatOption(),
                .. ImageOptionNames.Select((name, index) => index == 0
                    ? AttachmentOption(name, required: false, "CommandImagineImage")
                    : AttachmentOption(name, required: false, "CommandImagineImageN", index + 1)),
            ],
            Contexts = [InteractionContextType.Guild, InteractionContextType.BotDirectMessage],
            IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
        },
        new ApplicationCommand
        {
            Name = Edit,
            Type = ApplicationCommandType.ChatInput,
            Description = CommandTexts.English("CommandEdit"),
            DescriptionLocalizations = CommandTexts.Translated("CommandEdit"),
            Options =
            [
                PromptOption("CommandEditPrompt"),
                AttachmentOption(Image, required: true, "CommandEditImage"),
                SizeOption(),
                AspectOption("CommandEditAspect"),
                FormatOption(),
                .. ImageOptionNames.Skip(1).Select((name, index) => AttachmentOption(name, required: false, "CommandEditImageN", index + 2)),
            ],
            Contexts = [InteractionContextType.Guild, InteractionContextType.BotDirectMessage],
            IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
        },
        new ApplicationCommand
        {
            Name = EditWithSeedream,
            Type = ApplicationCommandType.Message,
            Description = "",
            Contexts = [InteractionContextType.Guild, InteractionContextType.BotDirectMessage],
            IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
        },
    ];

    private static ApplicationCommandOption PromptOption(string descriptionKey) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = Prompt,
        Description = CommandTexts.English(descriptionKey),
        DescriptionLocalizations = CommandTexts.Translated(descriptionKey),
        Required = true,
        MinLength = 1,
        MaxLength = GenerationRequest.MaxPromptLength,
    };

    private static ApplicationCommandOption SizeOption() => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = Size,
        Description = CommandTexts.English("CommandSize"),
        DescriptionLocalizations = CommandTexts.Translated("CommandSize"),
        Choices =
        [
            CommandTexts.Choice("ChoiceSizeStandard", ImageSizes.ToWire(ImageSize.TwoK)),
            CommandTexts.Choice("ChoiceSizeDetail", ImageSizes.ToWire(ImageSize.ThreeK)),
        ],
    };

    private static ApplicationCommandOption AspectOption(string descriptionKey) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = Aspect,
        Description = CommandTexts.English(descriptionKey),
        DescriptionLocalizations = CommandTexts.Translated(descriptionKey),
        Choices = [.. AspectRatios.All.Select(ratio => CommandTexts.Choice(culture => AspectChoiceName(ratio, culture), ratio))],
    };

    private static ApplicationCommandOption FormatOption() => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = Format,
        Description = CommandTexts.English("CommandFormat"),
        DescriptionLocalizations = CommandTexts.Translated("CommandFormat"),
        Choices =
        [
            CommandTexts.Choice("ChoiceFormatPng", OutputFormats.ToWire(OutputFormat.Png)),
            CommandTexts.Choice("ChoiceFormatJpg", OutputFormats.ToWire(OutputFormat.Jpg)),
        ],
    };

    private static ApplicationCommandOption AttachmentOption(string name, bool required, string descriptionKey, params object[] arguments) => new()
    {
        Type = ApplicationCommandOptionType.Attachment,
        Name = name,
        Description = CommandTexts.English(descriptionKey, arguments),
        DescriptionLocalizations = CommandTexts.Translated(descriptionKey, arguments),
        Required = required,
    };

    /// <summary>The friendly name of an aspect ratio in a language, e.g. "16:9 · Breitbild"; the ratio itself when unknown.</summary>
    public static string AspectChoiceName(string ratio, CultureInfo culture) => ratio switch
    {
        "1:1" => BotText.Get(culture, "ChoiceAspectSquare"),
        "4:3" => BotText.Get(culture, "ChoiceAspectLandscape"),
        "3:4" => BotText.Get(culture, "ChoiceAspectPortrait"),
        "16:9" => BotText.Get(culture, "ChoiceAspectWidescreen"),
        "9:16" => BotText.Get(culture, "ChoiceAspectTall"),
        "3:2" => BotText.Get(culture, "ChoiceAspectPhotoLandscape"),
        "2:3" => BotText.Get(culture, "ChoiceAspectPhotoPortrait"),
        "21:9" => BotText.Get(culture, "ChoiceAspectCinematic"),
        AspectRatios.MatchInputImage => BotText.Get(culture, "ChoiceAspectMatchInput"),
        _ => ratio,
    };
}
