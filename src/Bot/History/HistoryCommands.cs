using SeedreamBot.Bot.Commands;
using SeedreamBot.Bot.Localization;
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
            Description = CommandTexts.English("CommandHistory"),
            DescriptionLocalizations = CommandTexts.Translated("CommandHistory"),
            Options =
            [
                new ApplicationCommandOption
                {
                    Type = ApplicationCommandOptionType.Integer,
                    Name = Page,
                    Description = CommandTexts.English("CommandHistoryPage"),
                    DescriptionLocalizations = CommandTexts.Translated("CommandHistoryPage"),
                    MinValue = 1,
                    MaxValue = 1000,
                },
            ],
            Contexts = [InteractionContextType.Guild, InteractionContextType.BotDirectMessage],
            IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
        },
    ];
}
