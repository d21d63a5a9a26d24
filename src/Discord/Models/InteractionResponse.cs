namespace SeedreamBot.Discord.Models;

/// <summary>The body of <c>POST /interactions/{id}/{token}/callback</c>. Use the factory methods.</summary>
public sealed class InteractionResponse
{
    public InteractionCallbackType Type { get; init; }

    public InteractionCallbackData? Data { get; init; }

    /// <summary>Type 4: reply with a message now.</summary>
    public static InteractionResponse Message(InteractionCallbackData data) =>
        new() { Type = InteractionCallbackType.ChannelMessageWithSource, Data = data };

    /// <summary>Type 4 with just text; ephemeral replies are seen only by the invoking user. Mentions never ping.</summary>
    public static InteractionResponse Message(string content, bool ephemeral = false) => Message(new InteractionCallbackData
    {
        Content = content,
        Flags = ephemeral ? MessageFlags.Ephemeral : null,
        AllowedMentions = AllowedMentions.None,
    });

    /// <summary>Type 5: acknowledge now and edit <c>@original</c> later. Ephemerality is fixed here.</summary>
    public static InteractionResponse Defer(bool ephemeral = false) => new()
    {
        Type = InteractionCallbackType.DeferredChannelMessageWithSource,
        Data = ephemeral ? new InteractionCallbackData { Flags = MessageFlags.Ephemeral } : null,
    };

    /// <summary>Type 6 (components): acknowledge without changing the message.</summary>
    public static InteractionResponse DeferUpdate() => new() { Type = InteractionCallbackType.DeferredUpdateMessage };

    /// <summary>Type 7 (components): edit the message the component is on.</summary>
    public static InteractionResponse UpdateMessage(InteractionCallbackData data) =>
        new() { Type = InteractionCallbackType.UpdateMessage, Data = data };

    /// <summary>Type 9: open a modal with up to five components (Label + TextInput, or TextDisplay).</summary>
    public static InteractionResponse Modal(string customId, string title, params Component[] components) => new()
    {
        Type = InteractionCallbackType.Modal,
        Data = new InteractionCallbackData { CustomId = customId, Title = title, Components = components },
    };

    /// <summary>Type 8: autocomplete suggestions (up to 25).</summary>
    public static InteractionResponse Autocomplete(IReadOnlyList<ApplicationCommandOptionChoice> choices) => new()
    {
        Type = InteractionCallbackType.ApplicationCommandAutocompleteResult,
        Data = new InteractionCallbackData { Choices = choices },
    };
}
