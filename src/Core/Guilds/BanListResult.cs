namespace SeedreamBot.Core.Guilds;

/// <summary>The outcome of adding or removing a banned term, with a message a moderator can read.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Term">The term as stored (trimmed, inner whitespace collapsed).</param>
/// <param name="Message">A friendly sentence describing the outcome.</param>
/// <param name="Terms">The guild's list after the change.</param>
public sealed record BanListResult(BanListOutcome Outcome, string Term, string Message, IReadOnlyList<string> Terms)
{
    public bool Changed => Outcome is BanListOutcome.Added or BanListOutcome.Removed;
}
