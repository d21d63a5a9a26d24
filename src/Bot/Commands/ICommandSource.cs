using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Commands;

/// <summary>A feature's application commands, registered together at start by <see cref="CommandRegistrar"/>.</summary>
public interface ICommandSource
{
    IEnumerable<ApplicationCommand> Commands { get; }
}
