using SeedreamBot.Core.Guilds;
using SeedreamBot.Core.Jobs;

namespace SeedreamBot.Bot.Generation;

/// <summary>Screens prompts with each guild's ban list (<c>/quota banlist</c>).</summary>
public sealed class GuildPromptScreen : IPromptScreen
{
    private readonly IGuildSettingsStore _settings;

    public GuildPromptScreen(IGuildSettingsStore settings) => _settings = settings;

    public string? FindBannedTerm(ulong guildId, string prompt) => _settings.FindBannedTerm(guildId, prompt);
}
