namespace SeedreamBot.Bot.Credits;

/// <summary>The outcome of posting a notice to a log channel.</summary>
/// <param name="Status">Posted, failed, or no channel.</param>
/// <param name="ChannelId">The channel it was meant for.</param>
/// <param name="ProblemKey">For a failure: the text key explaining it to the moderator.</param>
public sealed record LogPost(LogPostStatus Status, ulong? ChannelId = null, string? ProblemKey = null)
{
    public static LogPost NoChannel { get; } = new(LogPostStatus.NoChannel);
}
