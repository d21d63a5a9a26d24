namespace SeedreamBot.Fakes.Discord;

/// <summary>The scope of an injected 429.</summary>
public enum FakeRateLimitScope
{
    /// <summary>The route's bucket (<c>X-RateLimit-Scope: user</c>).</summary>
    User,

    /// <summary>The whole bot (<c>X-RateLimit-Global: true</c>, scope <c>global</c>).</summary>
    Global,

    /// <summary>A shared resource limit (<c>X-RateLimit-Scope: shared</c>).</summary>
    Shared,
}
