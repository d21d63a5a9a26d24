using Microsoft.Extensions.Logging;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Bot.Moderation;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// <c>/quota</c> and its buttons (<c>quota:…</c>). Every interaction, button presses included, is checked here: only
/// in a server, and only for moderators (<see cref="ModeratorPolicy"/>: Manage Server, Administrator or a configured
/// role, from the interaction's own <c>member.permissions</c>), whatever Discord's command permissions let through.
/// </summary>
public sealed partial class QuotaHandler : IInteractionHandler
{
    public const string Prefix = "quota";

    private readonly ModeratorPolicy _moderators;
    private readonly QuotaMemberCommands _members;
    private readonly QuotaAllowanceCommands _allowances;
    private readonly QuotaReportCommands _reports;
    private readonly QuotaExportCommand _export;
    private readonly QuotaLogChannelCommand _logChannel;
    private readonly QuotaBanListCommands _banList;
    private readonly ILogger<QuotaHandler> _logger;

    public QuotaHandler(
        ModeratorPolicy moderators,
        QuotaMemberCommands members,
        QuotaAllowanceCommands allowances,
        QuotaReportCommands reports,
        QuotaExportCommand export,
        QuotaLogChannelCommand logChannel,
        QuotaBanListCommands banList,
        ILogger<QuotaHandler> logger)
    {
        _moderators = moderators;
        _members = members;
        _allowances = allowances;
        _reports = reports;
        _export = export;
        _logChannel = logChannel;
        _banList = banList;
        _logger = logger;
    }

    public InteractionRoutes Routes { get; } = InteractionRoutes.ForCommands(CreditsCommands.Quota).WithCustomIdPrefixes(Prefix);

    public Task HandleAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var interaction = context.Interaction;
        if (!interaction.IsInGuild)
        {
            return context.ReplyPrivatelyAsync(BotText.Get(context.Culture, "QuotaGuildOnly"));
        }

        if (!_moderators.IsModerator(interaction))
        {
            LogRefused(context.UserId, context.GuildId, interaction.SubcommandName ?? interaction.CustomId ?? "");
            return context.ReplyPrivatelyAsync(BotText.Get(context.Culture, "QuotaNotModerator"));
        }

        if (interaction.Type == InteractionType.MessageComponent)
        {
            return Press(context);
        }

        var subcommand = interaction.SubcommandName ?? "";
        if (interaction.SubcommandGroupName == CreditsCommands.BanList)
        {
            return _banList.HandleAsync(context, subcommand);
        }

        return subcommand switch
        {
            _ when QuotaMemberCommands.Subcommands.Contains(subcommand) => _members.HandleAsync(context, subcommand),
            CreditsCommands.Allowance => _allowances.HandleAsync(context, clear: false),
            CreditsCommands.AllowanceClear => _allowances.HandleAsync(context, clear: true),
            CreditsCommands.History => _reports.HistoryAsync(context),
            CreditsCommands.Top => _reports.TopAsync(context),
            CreditsCommands.Settings => _reports.SettingsAsync(context),
            CreditsCommands.Export => _export.HandleAsync(context),
            CreditsCommands.LogChannel => _logChannel.HandleAsync(context),

            // A subcommand from a newer or older registration than this build knows.
            _ => context.ReplyPrivatelyAsync(BotText.UnknownInteraction(context.Culture)),
        };
    }

    private Task Press(InteractionContext context)
    {
        if (!CustomId.TryParse(context.Interaction.CustomId, out var id))
        {
            return context.ReplyPrivatelyAsync(BotText.UnknownInteraction(context.Culture));
        }

        return id.Action == QuotaBanListCommands.Action
            ? _banList.PressAsync(context, id)
            : _reports.PressAsync(context, id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} in guild {GuildId} was refused /quota {What}: not a moderator")]
    private partial void LogRefused(ulong userId, ulong guildId, string what);
}
