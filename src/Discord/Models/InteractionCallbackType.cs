namespace SeedreamBot.Discord.Models;

/// <summary>How an interaction is answered.</summary>
public enum InteractionCallbackType
{
    Pong = 1,

    /// <summary>Reply with a message now.</summary>
    ChannelMessageWithSource = 4,

    /// <summary>Acknowledge now ("is thinking…"); edit <c>@original</c> later (within 15 minutes).</summary>
    DeferredChannelMessageWithSource = 5,

    /// <summary>Components only: acknowledge without a visible change.</summary>
    DeferredUpdateMessage = 6,

    /// <summary>Components only: edit the message the component is on.</summary>
    UpdateMessage = 7,

    ApplicationCommandAutocompleteResult = 8,

    /// <summary>Open a modal (not allowed in reply to a modal submit).</summary>
    Modal = 9,
}
