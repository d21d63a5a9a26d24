namespace SeedreamBot.Core.Jobs;

/// <summary>Checks a prompt against the guild's ban list before anything is held or sent.</summary>
public interface IPromptScreen
{
    /// <summary>The first banned term the prompt contains, or null when it is allowed.</summary>
    string? FindBannedTerm(ulong guildId, string prompt);
}
