using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Discord.Models;
using System.Globalization;

namespace SeedreamBot.Bot.Generation;

/// <summary>
/// The buttons under a result and the ids they carry. Everything a button needs is the generation id, which leads
/// to its LiteDB record, so the buttons work after restarts, tomorrow too.
/// </summary>
public static class GenerationButtons
{
    public const string Prefix = "gen";
    public const string Reroll = "reroll";
    public const string Edit = "edit";
    public const string Delete = "delete";
    public const string Rerun = "rerun";

    /// <summary>The modal asking how to change a result.</summary>
    public const string EditPrompt = "editprompt";

    /// <summary>The modal of the "Edit with Seedream" message command.</summary>
    public const string MessageEdit = "msgedit";

    /// <summary>The text input inside both modals.</summary>
    public const string PromptInput = "prompt";

    public static ActionRow ForResult(string generationId, CultureInfo culture) => new(
        Button.Create(ButtonStyle.Secondary, CustomId.Create(Prefix, Reroll, generationId), BotText.Get(culture, "ButtonReroll"), "🔁"),
        Button.Create(ButtonStyle.Primary, CustomId.Create(Prefix, Edit, generationId), BotText.Get(culture, "ButtonEdit"), "✏️"),
        Button.Create(ButtonStyle.Danger, CustomId.Create(Prefix, Delete, generationId), BotText.Get(culture, "ButtonDelete"), "🗑️"));

    /// <summary>True when <paramref name="message"/> shows the result of <paramref name="generationId"/> (it carries its buttons).</summary>
    public static bool ShowsResultOf(Message message, string generationId)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reroll = CustomId.Create(Prefix, Reroll, generationId);
        return message.Components.OfType<ActionRow>()
            .SelectMany(row => row.Components)
            .OfType<Button>()
            .Any(button => string.Equals(button.CustomId, reroll, StringComparison.Ordinal));
    }

    /// <summary>A modal asking for a prompt, with an optional <paramref name="note"/> shown above the field.</summary>
    public static InteractionResponse PromptModal(
        string action, string argument, string title, string label, string placeholder, string? value = null, string? note = null) =>
        InteractionResponse.Modal(
            CustomId.Create(Prefix, action, argument),
            title,
            [.. note is null ? Array.Empty<Component>() : [new TextDisplay { Content = note.Length <= 4000 ? note : note[..3999] + "…" }], PromptField(label, placeholder, value)]);

    private static Label PromptField(string label, string placeholder, string? value) =>
            new Label
            {
                Text = label,
                Component = new TextInput
                {
                    CustomId = PromptInput,
                    Style = TextInputStyle.Paragraph,
                    MinLength = 1,
                    MaxLength = Core.Generation.GenerationRequest.MaxPromptLength,
                    Required = true,
                    Placeholder = placeholder,
                    Value = value,
                },
            };
}
