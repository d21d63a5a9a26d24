using System.Globalization;
using Humanizer;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Images;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Generation;

/// <summary>
/// The messages a generation goes through, in the member's language: waiting in line, progress, the finished
/// image, or why there is none. Pure functions of the record, so they are easy to test and to benchmark.
/// </summary>
public static class GenerationMessages
{
    public const int Waiting = 0x99AAB5;
    public const int Working = 0x5865F2;
    public const int Done = 0x57F287;
    public const int Failed = 0xED4245;

    private const int MaxPromptShown = 1000;

    public static MessageEdit Queued(GenerationRecord generation, QueueStatus status, CultureInfo culture) => new()
    {
        Content = "",
        Embeds =
        [
            Base(generation, culture, Waiting)
                .WithTitle(BotText.Get(culture, "QueuedTitle"))
                .WithDescription(Quote(generation.Prompt) + "\n\n" + BotText.Format(
                    culture,
                    "QueuedPosition",
                    status.Position.ToString("N0", culture),
                    status.Waiting.ToString("N0", culture),
                    status.EstimatedWait.Humanize(2, culture, minUnit: TimeUnit.Second)))
                .Build(),
        ],
        Components = [],
        AllowedMentions = AllowedMentions.None,
    };

    public static MessageEdit Progress(GenerationRecord generation, JobProgress progress, CultureInfo culture)
    {
        var stage = progress.Status switch
        {
            JobStatus.Queued => BotText.Get(culture, "StageStarting"),
            _ => BotText.Get(culture, "StageWorking"),
        };
        return new MessageEdit
        {
            Content = "",
            Embeds =
            [
                Base(generation, culture, Working)
                    .WithTitle(BotText.Get(culture, IsEdit(generation) ? "EditingTitle" : "CreatingTitle"))
                    .WithDescription(Quote(generation.Prompt) + "\n\n" + stage + "\n`" + ProgressBar.Render(progress.Percent) + "`")
                    .Build(),
            ],
            Components = [],
            AllowedMentions = AllowedMentions.None,
        };
    }

    /// <summary>The finished image's embed; <paramref name="fileName"/> is the attached image.</summary>
    public static Embed Result(GenerationRecord generation, GenerationResult result, string fileName, string model, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(result);
        var builder = Base(generation, culture, Done)
            .WithTitle(BotText.Get(culture, IsEdit(generation) ? "EditedTitle" : "CreatedTitle"))
            .WithDescription(Quote(generation.Prompt) + (result.Reencoded ? "\n\n" + ReencodedNote(result, culture) : ""))
            .WithImage("attachment://" + fileName)
            .AddField(BotText.Get(culture, "FieldSize"), generation.Size.ToWire(), inline: true)
            .AddField(BotText.Get(culture, "FieldAspect"), GenerationCommands.AspectChoiceName(generation.AspectRatio, culture), inline: true)
            .AddField(BotText.Get(culture, "FieldFormat"), generation.Format.ToWire().ToUpperInvariant(), inline: true)
            .AddField(BotText.Get(culture, "FieldInputs"), generation.InputImageUrls.Count == 0
                ? BotText.Get(culture, "NoInputs")
                : BotText.Quantity(culture, "Image", generation.InputImageUrls.Count), inline: true)
            .AddField(BotText.Get(culture, "FieldCost"), Credits(generation.Cost, culture), inline: true)
            .AddField(BotText.Get(culture, "FieldBalance"), Credits(result.BalanceAfter.Available, culture), inline: true)
            .AddField(BotText.Get(culture, "FieldTime"), result.Elapsed.Humanize(2, culture, minUnit: TimeUnit.Second), inline: true)
            .AddField(BotText.Get(culture, "FieldModel"), model, inline: true);
        return builder.Build();
    }

    public static MessageEdit Failure(
        GenerationRecord generation,
        GenerationFailure failure,
        CreditBalance? balance,
        TimeSpan jobTimeout,
        CultureInfo culture)
    {
        var text = FailureReasons.Explain(failure, jobTimeout, culture) + "\n\n**" + BotText.Get(culture, "NotCharged") + "**";
        if (balance is not null)
        {
            text += " " + BotText.Format(culture, "BalanceNow", Credits(balance.Available, culture));
        }

        return new MessageEdit
        {
            Content = "",
            Embeds =
            [
                Base(generation, culture, Failed)
                    .WithTitle(BotText.Get(culture, "FailedTitle"))
                    .WithDescription(Quote(generation.Prompt) + "\n\n" + text)
                    .Build(),
            ],
            Components = [],

            // An upload that failed unclearly may still have landed: never leave an image under "not charged".
            Attachments = [],
            AllowedMentions = AllowedMentions.None,
        };
    }

    /// <summary>"4 credits", "1 credit" in the member's language.</summary>
    public static string Credits(int amount, CultureInfo culture) => BotText.Quantity(culture, "Credit", amount);

    private static EmbedBuilder Base(GenerationRecord generation, CultureInfo culture, int color)
    {
        var builder = new EmbedBuilder().WithColor(color);
        if (!string.IsNullOrEmpty(generation.Target.RequesterName))
        {
            builder.WithAuthor(generation.Target.RequesterName, iconUrl: generation.Target.RequesterAvatarUrl);
        }

        return builder.WithFooter(BotText.Format(culture, "Footer", generation.Id));
    }

    /// <summary>
    /// The prompt as a block quote, with markdown neutralised: these embeds are public and carry the bot's name, so a
    /// prompt like <c>[Free Nitro](https://…)</c> must show its brackets and the real address, not a masked link, and
    /// cannot fake headings, mentions or formatting either.
    /// </summary>
    private static string Quote(string prompt)
    {
        var shown = prompt.Length > MaxPromptShown ? prompt[..(MaxPromptShown - 1)] + "…" : prompt;
        return "> " + DiscordMarkdown.Escape(shown).ReplaceLineEndings("\n> ");
    }

    private static bool IsEdit(GenerationRecord generation) =>
        generation.Origin is GenerationOrigin.Edit or GenerationOrigin.MessageEdit or GenerationOrigin.EditResult;

    /// <summary>
    /// "Re-encoded from PNG 17.6 MB to JPEG 0.9 MB to fit this channel", plus the new size when it was scaled, and a
    /// link to the original for as long as Apiframe keeps it.
    /// </summary>
    private static string ReencodedNote(GenerationResult result, CultureInfo culture)
    {
        var original = result.Original!;
        ImageHeader.TryRead(original.Content.Span, out var from);
        ImageHeader.TryRead(result.Image.Content.Span, out var to);
        var sizes = new object[]
        {
            from.Kind.DisplayName(),
            Megabytes(original.Content.Length, culture),
            to.Kind.DisplayName(),
            Megabytes(result.Image.Content.Length, culture),
        };
        var note = to.Width < from.Width || to.Height < from.Height
            ? BotText.Format(culture, "ReencodedScaled", [.. sizes, to.Width.ToString("N0", culture), to.Height.ToString("N0", culture)])
            : BotText.Format(culture, "Reencoded", sizes);
        return note + " " + BotText.Format(culture, "OriginalLink", from.Kind.DisplayName(), result.ImageUrl.AbsoluteUri);
    }

    /// <summary>Decimal megabytes with one decimal, as file managers show them: "17.6 MB", "17,6 MB".</summary>
    private static string Megabytes(long bytes, CultureInfo culture) =>
        (bytes / 1_000_000.0).ToString("0.0", culture) + " MB";
}
