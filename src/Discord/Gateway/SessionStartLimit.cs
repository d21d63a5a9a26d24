namespace SeedreamBot.Discord.Gateway;

/// <summary>Discord's budget of identifies: <c>total</c> per day, <c>remaining</c>, <c>reset_after</c>, <c>max_concurrency</c> per 5 s.</summary>
public sealed record SessionStartLimit(int Total, int Remaining, TimeSpan ResetAfter, int MaxConcurrency);
