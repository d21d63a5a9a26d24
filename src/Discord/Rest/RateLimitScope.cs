namespace SeedreamBot.Discord.Rest;

/// <summary>Which limit a 429 came from (<c>X-RateLimit-Scope</c>, <c>X-RateLimit-Global</c>).</summary>
public enum RateLimitScope
{
    /// <summary>The route's bucket for this bot (<c>user</c>).</summary>
    Route,

    /// <summary>The bot's global limit: every route waits.</summary>
    Global,

    /// <summary>A resource's shared limit; does not count toward the invalid-request ban.</summary>
    Shared,

    /// <summary>Our own wait for a bucket's reset, before sending.</summary>
    Bucket,
}
