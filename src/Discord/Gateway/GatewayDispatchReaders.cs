using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace SeedreamBot.Discord.Gateway;

/// <summary>Typed views of the dispatches the gateway itself understands. INTERACTION_CREATE is read by the REST models.</summary>
public static class GatewayDispatchReaders
{
    /// <summary>Reads a READY dispatch; false for any other event.</summary>
    /// <exception cref="JsonException">The event is READY but its data is malformed.</exception>
    public static bool TryReadReady(this GatewayDispatch dispatch, [NotNullWhen(true)] out ReadyEvent? ready)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        ready = dispatch.EventName == GatewayEventNames.Ready
            ? dispatch.Data.Deserialize(GatewayJsonContext.Default.ReadyEvent) ?? throw new JsonException("READY carried no data.")
            : null;
        return ready is not null;
    }

    /// <summary>Reads a GUILD_CREATE dispatch; false for any other event.</summary>
    /// <exception cref="JsonException">The event is GUILD_CREATE but its data is malformed.</exception>
    public static bool TryReadGuildCreate(this GatewayDispatch dispatch, [NotNullWhen(true)] out GuildCreateEvent? guild)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        guild = dispatch.EventName == GatewayEventNames.GuildCreate
            ? dispatch.Data.Deserialize(GatewayJsonContext.Default.GuildCreateEvent) ?? throw new JsonException("GUILD_CREATE carried no data.")
            : null;
        return guild is not null;
    }

    /// <summary>Whether this is the RESUMED dispatch that ends a successful resume (after the missed events were replayed).</summary>
    public static bool IsResumed(this GatewayDispatch dispatch)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        return dispatch.EventName == GatewayEventNames.Resumed;
    }
}
