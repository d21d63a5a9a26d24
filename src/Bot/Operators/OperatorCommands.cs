using SeedreamBot.Bot.Commands;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Servers;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Operators;

/// <summary>
/// The definition of <c>/operator</c>. It is registered apart from the other commands: only in
/// <c>Operator:HomeServerId</c> when set, otherwise globally for direct messages with the bot; always with
/// <c>default_member_permissions</c> "0" (hidden from everyone but administrators), and checked against the operator
/// list on the bot's side on every use. Names are public contract: never rename one.
/// </summary>
public static class OperatorCommands
{
    public const string Operator = "operator";
    public const string Servers = "servers";
    public const string Approve = "approve";
    public const string Decline = "decline";
    public const string Budget = "budget";
    public const string Alerts = "alerts";
    public const string Status = "status";

    public const string Server = "server";
    public const string Amount = "amount";
    public const string Channel = "channel";

    /// <summary><c>/operator</c> for the home server (a guild command) or, without one, for DMs with the bot.</summary>
    public static ApplicationCommand Definition(bool inHomeServer) => new()
    {
        Name = Operator,
        Type = ApplicationCommandType.ChatInput,
        Description = CommandTexts.English("CommandOperator"),
        DescriptionLocalizations = CommandTexts.Translated("CommandOperator"),
        DefaultMemberPermissions = Permissions.None,
        Contexts = [inHomeServer ? InteractionContextType.Guild : InteractionContextType.BotDirectMessage],
        IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
        Options =
        [
            Subcommand(Servers, "CommandOperatorServers"),
            Subcommand(Approve, "CommandOperatorApprove",
                ServerOption("CommandOperatorApproveServer"),
                BudgetOption(Budget, "CommandOperatorApproveBudget", required: false)),
            Subcommand(Decline, "CommandOperatorDecline", ServerOption("CommandOperatorDeclineServer")),
            Subcommand(Budget, "CommandOperatorBudget",
                ServerOption("CommandOperatorBudgetServer"),
                BudgetOption(Amount, "CommandOperatorBudgetAmount", required: true)),
            Subcommand(Alerts, "CommandOperatorAlerts", CommandOptions.PostableChannel(Channel, "CommandOperatorAlertsChannel")),
            Subcommand(Status, "CommandOperatorStatus"),
        ],
    };

    private static ApplicationCommandOption Subcommand(string name, string descriptionKey, params ApplicationCommandOption[] options) =>
        CommandOptions.Subcommand(name, descriptionKey, options);

    // A server id is typed or pasted (Developer Mode → Copy Server ID): the bot may not share the server with the operator.
    private static ApplicationCommandOption ServerOption(string descriptionKey) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = Server,
        Description = CommandTexts.English(descriptionKey),
        DescriptionLocalizations = CommandTexts.Translated(descriptionKey),
        Required = true,
        MinLength = 1,
        MaxLength = 40,
    };

    private static ApplicationCommandOption BudgetOption(string name, string descriptionKey, bool required) => new()
    {
        Type = ApplicationCommandOptionType.Integer,
        Name = name,
        Description = CommandTexts.English(descriptionKey),
        DescriptionLocalizations = CommandTexts.Translated(descriptionKey),
        Required = required ? true : null,
        MinValue = 0,
        MaxValue = OperatorOptions.MaxBudget,
    };
}
