using SeedreamBot.Bot.Commands;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.History;

/// <summary>The definition of <c>/history [page]</c>.</summary>
public sealed class HistoryCommands : ICommandSource
{
    public const string History = "history";
    public const string Page = "page";

    public IEnumerable<ApplicationCommand> Commands =>
    [
        new ApplicationCommand
        {
            Name = History,
            Type = ApplicationCommandType.ChatInput,
            Description = "Your recent images, with links and a button to run any of them again.",
            Options =
            [
                new ApplicationCommandOption
                {
                    Type = ApplicationCommandOptionType.Integer,
                    Name = Page,
                    Description = "Which page (5 images per page, newest first).",
                    MinValue = 1,
                    MaxValue = 1000,
                },
            ],
            Contexts = [InteractionContextType.Guild, InteractionContextType.BotDirectMessage],
            IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
        },
    ];
}
