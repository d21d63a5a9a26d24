using Microsoft.Extensions.Logging;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Operators;

/// <summary>
/// <c>/operator</c> and the operators' buttons (<c>op:…</c>). Every use is checked here against the operator list,
/// whatever Discord's command permissions let through: a server administrator who is not an operator is refused.
/// Not subject to server admission, so operators can decide about a server from anywhere.
/// </summary>
public sealed partial class OperatorHandler : IInteractionHandler
{
    private readonly OperatorDirectory _operators;
    private readonly OperatorServerCommands _servers;
    private readonly OperatorSettingsCommands _settings;
    private readonly ILogger<OperatorHandler> _logger;

    public OperatorHandler(
        OperatorDirectory operators,
        OperatorServerCommands servers,
        OperatorSettingsCommands settings,
        ILogger<OperatorHandler> logger)
    {
        _operators = operators;
        _servers = servers;
        _settings = settings;
        _logger = logger;
    }

    public InteractionRoutes Routes { get; } =
        InteractionRoutes.ForCommands(OperatorCommands.Operator).WithCustomIdPrefixes(OperatorButtons.Prefix);

    public bool RequiresAdmission => false;

    public async Task HandleAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var interaction = context.Interaction;
        if (!await _operators.IsOperatorAsync(context.UserId, context.CancellationToken).ConfigureAwait(false))
        {
            LogRefused(context.UserId, context.GuildId, interaction.SubcommandName ?? interaction.CustomId ?? "");
            await context.ReplyPrivatelyAsync(BotText.Get(context.Culture, "OperatorOnly")).ConfigureAwait(false);
            return;
        }

        if (interaction.Type == InteractionType.MessageComponent)
        {
            await _servers.PressAsync(context).ConfigureAwait(false);
            return;
        }

        await (interaction.SubcommandName switch
        {
            OperatorCommands.Servers => _servers.ListAsync(context),
            OperatorCommands.Approve => _servers.ApproveAsync(context),
            OperatorCommands.Decline => _servers.DeclineAsync(context),
            OperatorCommands.Budget => _servers.BudgetAsync(context),
            OperatorCommands.Alerts => _settings.AlertsAsync(context),
            OperatorCommands.Status => _settings.StatusAsync(context),

            // A subcommand from a newer or older registration than this build knows.
            _ => context.ReplyPrivatelyAsync(BotText.UnknownInteraction(context.Culture)),
        }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} (guild {GuildId}) was refused /operator {What}: not an operator")]
    private partial void LogRefused(ulong userId, ulong guildId, string what);
}
