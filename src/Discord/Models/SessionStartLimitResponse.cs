namespace SeedreamBot.Discord.Models;

/// <summary>The <c>session_start_limit</c> of <c>GET /gateway/bot</c>; <see cref="ResetAfter"/> is in milliseconds.</summary>
public sealed class SessionStartLimitResponse
{
    public int Total { get; init; }

    public int Remaining { get; init; }

    public long ResetAfter { get; init; }

    public int MaxConcurrency { get; init; } = 1;
}
