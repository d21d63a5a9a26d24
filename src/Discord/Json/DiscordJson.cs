using System.Text.Json;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Discord.Json;

/// <summary>Typed reading of gateway payloads and (de)serialization with <see cref="DiscordJsonContext"/>.</summary>
public static class DiscordJson
{
    /// <summary>The event name of an interaction dispatch.</summary>
    public const string InteractionCreateEvent = "INTERACTION_CREATE";

    /// <summary>Reads the <c>d</c> of an INTERACTION_CREATE dispatch.</summary>
    public static Interaction ReadInteraction(JsonElement data) =>
        data.Deserialize(DiscordJsonContext.Default.Interaction)
        ?? throw new JsonException("INTERACTION_CREATE carried a null interaction.");

    /// <summary>Reads an interaction from its JSON text (tests, replays).</summary>
    public static Interaction ReadInteraction(string json) =>
        JsonSerializer.Deserialize(json, DiscordJsonContext.Default.Interaction)
        ?? throw new JsonException("The JSON held a null interaction.");

    /// <summary>The interaction of an INTERACTION_CREATE dispatch.</summary>
    /// <exception cref="InvalidOperationException">The dispatch is another event.</exception>
    public static Interaction ToInteraction(this GatewayDispatch dispatch)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        if (!string.Equals(dispatch.EventName, InteractionCreateEvent, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Dispatch {dispatch.EventName} is not {InteractionCreateEvent}.");
        }

        return ReadInteraction(dispatch.Data);
    }

    /// <summary>True for INTERACTION_CREATE dispatches.</summary>
    public static bool IsInteraction(this GatewayDispatch dispatch)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        return string.Equals(dispatch.EventName, InteractionCreateEvent, StringComparison.Ordinal);
    }
}
