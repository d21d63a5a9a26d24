namespace SeedreamBot.Core.Servers;

/// <summary>What an operator's change did.</summary>
/// <param name="Changed">False when it was already so (approving an approved server); nothing was written then.</param>
/// <param name="Before">The record before; null when the bot had none.</param>
/// <param name="After">The record now.</param>
public sealed record ServerDecision(bool Changed, ServerRecord? Before, ServerRecord After);
