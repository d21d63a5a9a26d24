using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Credits;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Servers;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Operators;

/// <summary>
/// <c>/operator servers|approve|decline|budget</c> and the Approve / Decline buttons of server requests. The caller
/// (<see cref="OperatorHandler"/>) has checked that the user is an operator.
/// </summary>
public sealed partial class OperatorServerCommands
{
    /// <summary>How many servers <c>/operator servers</c> looks up by name at most (the rest are listed by id).</summary>
    private const int MaxLookups = 40;

    private readonly IServerStore _store;
    private readonly ServerAdmission _admission;
    private readonly GuildDirectory _guilds;
    private readonly ICreditLedger _ledger;
    private readonly OperatorMessenger _messenger;
    private readonly IOptionsMonitor<OperatorOptions> _options;
    private readonly ILogger<OperatorServerCommands> _logger;

    public OperatorServerCommands(
        IServerStore store,
        ServerAdmission admission,
        GuildDirectory guilds,
        ICreditLedger ledger,
        OperatorMessenger messenger,
        IOptionsMonitor<OperatorOptions> options,
        ILogger<OperatorServerCommands> logger)
    {
        _store = store;
        _admission = admission;
        _guilds = guilds;
        _ledger = ledger;
        _messenger = messenger;
        _options = options;
        _logger = logger;
    }

    public async Task ListAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var records = _store.All().ToDictionary(record => record.GuildId);
        var pools = _ledger.GetServerPools().Where(pool => !pool.IsDirectMessages).ToDictionary(pool => pool.GuildId);
        var ids = records.Keys.Union(pools.Keys).Union(_admission.Rules.ConfiguredServers).Distinct().ToList();
        var lines = new List<OperatorServerLine>();
        foreach (var guildId in ids)
        {
            var record = records.GetValueOrDefault(guildId);
            var decision = _admission.Rules.Decide(guildId, record, _admission.KnownOperatorMembership(guildId));
            var pool = pools.GetValueOrDefault(guildId) ?? _ledger.PeekServerPool(guildId);
            lines.Add(new OperatorServerLine(guildId, null, record, decision, pool));
        }

        lines = [.. lines
            .OrderBy(line => line.Record?.State == ServerState.Pending ? 0 : line.Decision.IsAdmitted ? 1 : 2)
            .ThenByDescending(line => line.Pool.Spent + line.Pool.Held)
            .ThenBy(line => line.GuildId)];
        for (var i = 0; i < Math.Min(lines.Count, MaxLookups); i++)
        {
            var guild = await _guilds.GetAsync(lines[i].GuildId, context.CancellationToken).ConfigureAwait(false);
            lines[i] = lines[i] with { Guild = guild };
            if (guild is not null)
            {
                _store.RememberName(lines[i].GuildId, guild.Name);
            }
        }

        var options = _options.CurrentValue;
        var directMessages = options.DirectMessageBudget > 0 ? _ledger.PeekServerPool(0) : null;
        await context.ReplyPrivatelyAsync(null, [OperatorServersView.Render(lines, _admission.Rules.Policy, options, directMessages, context.Culture)])
            .ConfigureAwait(false);
    }

    public async Task ApproveAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await ServerOptionAsync(context) is not { } guildId)
        {
            return;
        }

        var budget = context.Interaction.GetInteger(OperatorCommands.Budget) is { } value
            ? (int)Math.Clamp(value, 0, OperatorOptions.MaxBudget)
            : (int?)null;
        var decision = _store.Approve(guildId, context.UserId, budget);
        _admission.Forget(guildId);
        LogDecided(guildId, "approved", context.UserId);
        var guild = await _guilds.GetAsync(guildId, context.CancellationToken).ConfigureAwait(false);
        var culture = context.Culture;
        var text = BotText.Format(culture, decision.Changed && decision.Before?.State != ServerState.Approved ? "OperatorApproved" : "OperatorAlreadyApproved",
            ServerLabel.Of(guildId, guild?.Name ?? decision.After.Name), Budget(guildId, culture));
        if (guild is null)
        {
            text += " " + BotText.Get(culture, "OperatorNotInServer");
        }

        await context.ReplyPrivatelyAsync(text).ConfigureAwait(false);
    }

    public async Task DeclineAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await ServerOptionAsync(context) is not { } guildId)
        {
            return;
        }

        var guild = await _guilds.GetAsync(guildId, context.CancellationToken).ConfigureAwait(false);
        var label = ServerLabel.Of(guildId, guild?.Name ?? _store.Get(guildId)?.Name);
        if (_admission.Rules.IsConfigured(guildId))
        {
            await context.ReplyPrivatelyAsync(BotText.Format(context.Culture, "OperatorDeclineConfigured", label)).ConfigureAwait(false);
            return;
        }

        var decision = _store.Decline(guildId, context.UserId);
        _admission.Forget(guildId);
        LogDecided(guildId, "declined", context.UserId);
        var text = BotText.Format(context.Culture, decision.Changed ? "OperatorDeclined" : "OperatorAlreadyDeclined", label);
        if (await _admission.LeaveIfConfiguredAsync(guildId, context.CancellationToken).ConfigureAwait(false))
        {
            text += " " + BotText.Get(context.Culture, "OperatorLeft");
        }

        await context.ReplyPrivatelyAsync(text).ConfigureAwait(false);
    }

    public async Task BudgetAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await ServerOptionAsync(context) is not { } guildId)
        {
            return;
        }

        if (context.Interaction.GetInteger(OperatorCommands.Amount) is not { } value || value is < 0 or > OperatorOptions.MaxBudget)
        {
            await context.ReplyPrivatelyAsync(BotText.Format(context.Culture, "OperatorBadAmount",
                CreditText.Number(OperatorOptions.MaxBudget, context.Culture))).ConfigureAwait(false);
            return;
        }

        var wasAdmitted = (await _admission.CheckAsync(guildId, context.CancellationToken).ConfigureAwait(false)).IsAdmitted;
        var before = _ledger.PeekServerPool(guildId);
        var decision = _store.SetBudget(guildId, context.UserId, (int)value);
        LogBudget(guildId, before.Budget, (int)value, context.UserId);
        var guild = await _guilds.GetAsync(guildId, context.CancellationToken).ConfigureAwait(false);
        var culture = context.Culture;
        var after = _ledger.PeekServerPool(guildId);
        var text = BotText.Format(culture, "OperatorBudgetSet",
            ServerLabel.Of(guildId, guild?.Name ?? decision.After.Name),
            Budget(guildId, culture),
            CreditText.Credits(before.Budget, culture),
            CreditText.Number(after.Spent, culture));
        if (!wasAdmitted && decision.After.State == ServerState.Approved)
        {
            text += " " + BotText.Get(culture, "OperatorBudgetAdmits");
        }

        await context.ReplyPrivatelyAsync(text).ConfigureAwait(false);
    }

    /// <summary>Approve or Decline under a server's request: decides, then the request message shows who decided.</summary>
    public async Task PressAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!CustomId.TryParse(context.Interaction.CustomId, out var id)
            || id.Action is not (OperatorButtons.Approve or OperatorButtons.Decline)
            || !ulong.TryParse(id.Argument(0), NumberStyles.None, CultureInfo.InvariantCulture, out var guildId) || guildId == 0)
        {
            await context.ReplyPrivatelyAsync(BotText.UnknownInteraction(context.Culture)).ConfigureAwait(false);
            return;
        }

        var left = false;
        ServerRecord record;
        if (id.Action == OperatorButtons.Approve)
        {
            record = _store.Approve(guildId, context.UserId).After;
            LogDecided(guildId, "approved", context.UserId);
        }
        else if (_admission.Rules.IsConfigured(guildId))
        {
            await context.ReplyPrivatelyAsync(BotText.Format(context.Culture, "OperatorDeclineConfigured",
                ServerLabel.Of(guildId, _store.Get(guildId)?.Name))).ConfigureAwait(false);
            return;
        }
        else
        {
            record = _store.Decline(guildId, context.UserId).After;
            LogDecided(guildId, "declined", context.UserId);
        }

        _admission.Forget(guildId);
        var guild = await _guilds.GetAsync(guildId, context.CancellationToken).ConfigureAwait(false);

        // The message keeps the language it was posted in; its buttons go, the decision shows.
        await context.UpdateMessageAsync(new InteractionCallbackData
        {
            Embeds = [AdmissionRequestView.Render(record, guild, _admission.Rules.Policy, _messenger.Culture)],
            Components = [],
            AllowedMentions = AllowedMentions.None,
        }).ConfigureAwait(false);
        if (record.State == ServerState.Declined)
        {
            left = await _admission.LeaveIfConfiguredAsync(guildId, context.CancellationToken).ConfigureAwait(false);
        }

        if (left)
        {
            await context.ReplyPrivatelyAsync(BotText.Get(context.Culture, "OperatorLeft")).ConfigureAwait(false);
        }
    }

    /// <summary>"2,000 credits every month" for the server's budget now.</summary>
    private string Budget(ulong guildId, CultureInfo culture)
    {
        var pool = _ledger.PeekServerPool(guildId);
        return BotText.Format(culture, "SettingsPerPeriod", CreditText.Credits(pool.Budget, culture), CreditText.Period(pool.Period, culture));
    }

    /// <summary>The <c>server</c> option as a guild id, or null after telling the operator what is wrong with it.</summary>
    private static async Task<ulong?> ServerOptionAsync(InteractionContext context)
    {
        var text = context.Interaction.GetString(OperatorCommands.Server)?.Trim() ?? "";
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var guildId) && guildId >= 1UL << 22)
        {
            return guildId;
        }

        await context.ReplyPrivatelyAsync(BotText.Get(context.Culture, "OperatorBadServer")).ConfigureAwait(false);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Server {GuildId} {Decision} by operator {OperatorId}")]
    private partial void LogDecided(ulong guildId, string decision, ulong operatorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Server {GuildId}: budget {Before} -> {After} credits per period by operator {OperatorId}")]
    private partial void LogBudget(ulong guildId, int before, int after, ulong operatorId);
}
