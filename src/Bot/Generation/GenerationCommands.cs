using SeedreamBot.Bot.Commands;
using SeedreamBot.Core.Generation;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Generation;

/// <summary>The definitions of <c>/imagine</c>, <c>/edit</c> and the "Edit with Seedream" message command.</summary>
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
            Description = "Create an image with Seedream 5 Lite from a description (and optional reference images).",
            Options =
            [
                PromptOption("Describe the image you want (up to 2,000 characters)."),
                SizeOption(),
                AspectOption("Shape of the image (default 1:1, or your first image's shape when you add images)."),
                FormatOption(),
                .. ImageOptionNames.Select((name, index) => AttachmentOption(
                    name,
                    index == 0 ? "A reference image to guide the result (optional)." : $"Reference image {index + 1} (optional).",
                    required: false)),
            ],
            Contexts = [InteractionContextType.Guild, InteractionContextType.BotDirectMessage],
            IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
        },
        new ApplicationCommand
        {
            Name = Edit,
            Type = ApplicationCommandType.ChatInput,
            Description = "Change an image with Seedream 5 Lite: attach it and say what to change.",
            Options =
            [
                PromptOption("What should change? e.g. “make it night time, add neon signs”."),
                AttachmentOption(Image, "The image to edit.", required: true),
                SizeOption(),
                AspectOption("Shape of the result (default: same as your first image)."),
                FormatOption(),
                .. ImageOptionNames.Skip(1).Select((name, index) => AttachmentOption(
                    name, $"Another image to combine or take from ({index + 2} of up to 14, optional).", required: false)),
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

    private static ApplicationCommandOption PromptOption(string description) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = Prompt,
        Description = description,
        Required = true,
        MinLength = 1,
        MaxLength = GenerationRequest.MaxPromptLength,
    };

    private static ApplicationCommandOption SizeOption() => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = Size,
        Description = "Resolution (default 2K).",
        Choices =
        [
            ApplicationCommandOptionChoice.Of("2K · standard", ImageSizes.ToWire(ImageSize.TwoK)),
            ApplicationCommandOptionChoice.Of("3K · extra detail", ImageSizes.ToWire(ImageSize.ThreeK)),
        ],
    };

    private static ApplicationCommandOption AspectOption(string description) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = Aspect,
        Description = description,
        Choices = [.. AspectRatios.All.Select(ratio => ApplicationCommandOptionChoice.Of(AspectChoiceName(ratio), ratio))],
    };

    private static ApplicationCommandOption FormatOption() => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = Format,
        Description = "File format (default PNG).",
        Choices =
        [
            ApplicationCommandOptionChoice.Of("PNG · lossless", OutputFormats.ToWire(OutputFormat.Png)),
            ApplicationCommandOptionChoice.Of("JPG · smaller file", OutputFormats.ToWire(OutputFormat.Jpg)),
        ],
    };

    private static ApplicationCommandOption AttachmentOption(string name, string description, bool required) => new()
    {
        Type = ApplicationCommandOptionType.Attachment,
        Name = name,
        Description = description,
        Required = required,
    };

    /// <summary>The friendly name a member sees for an aspect ratio, e.g. "16:9 · widescreen".</summary>
    public static string AspectChoiceName(string ratio) => ratio switch
    {
        "1:1" => "1:1 · square",
        "4:3" => "4:3 · landscape",
        "3:4" => "3:4 · portrait",
        "16:9" => "16:9 · widescreen",
        "9:16" => "9:16 · tall, for phones",
        "3:2" => "3:2 · photo landscape",
        "2:3" => "2:3 · photo portrait",
        "21:9" => "21:9 · cinematic",
        AspectRatios.MatchInputImage => "Match the first image",
        _ => ratio,
    };
}
