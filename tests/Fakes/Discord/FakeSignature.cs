namespace SeedreamBot.Fakes.Discord;

/// <summary>How a request to the bot's interactions endpoint is signed (see <see cref="FakeDiscordServer.PostToInteractionsEndpointAsync"/>).</summary>
public enum FakeSignature
{
    /// <summary>Signed as Discord signs: the application's key, now.</summary>
    Valid,

    /// <summary>64 random bytes as the signature (what Discord sends to check that the endpoint refuses them).</summary>
    Random,

    /// <summary>A real signature by another key.</summary>
    WrongKey,

    /// <summary>Signed, then the body changed by one byte.</summary>
    TamperedBody,

    /// <summary>Validly signed ten minutes ago (a replay).</summary>
    Stale,

    /// <summary>No signature headers at all.</summary>
    Missing,
}
