using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Guilds;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// Tells a server's moderators, in its quota log channel and its language, when the server's budget for the period
/// is used up: once per server and period (the first refusal), with when it refills. The server's own matter, so
/// it goes to its log channel; the operators' alerts never do.
/// </summary>
public sealed partial class ServerBudgetNotices
{
    private readonly IGuildSettingsStore _settings;
    private readonly IDiscordRestClient _rest;
    private readonly ILogger<ServerBudgetNotices> _logger;
    private readonly ConcurrentDictionary<(ulong Guild, DateTimeOffset? Refill), byte> _told = new();

    public ServerBudgetNotices(IGuildSettingsStore settings, IDiscordRestClient rest, ILogger<ServerBudgetNotices> logger)
    {
        _settings = settings;
        _rest = rest;
        _logger = logger;
    }

    public async Task PoolUsedUpAsync(ServerPoolBalance pool, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pool);
        if (pool.IsDirectMessages || !_told.TryAdd((pool.GuildId, pool.NextRefill), 0))
        {
            return;
        }

        LogUsedUp(pool.GuildId, pool.Budget, pool.Spent, pool.Held);
        if (_settings.Get(pool.GuildId).LogChannelId is not { } channelId)
        {
            return;
        }

        var text = BotText.Format(culture, "PoolNoticeText",
            CreditText.Credits(pool.Budget, culture),
            CreditText.Period(pool.Period, culture));
        text += " " + (pool.NextRefill is { } refill
            ? BotText.Format(culture, "PoolNoticeRefill", CreditText.Timestamp(refill), CreditText.Timestamp(refill, 'R'))
            : BotText.Get(culture, "PoolNoticeNoRefill"));
        try
        {
            await _rest.CreateMessageAsync(
                channelId,
                new MessageCreate
                {
                    Embeds = [new EmbedBuilder().WithColor(CreditText.Warning).WithTitle(BotText.Get(culture, "PoolNoticeTitle")).WithDescription(text).Build()],
                    AllowedMentions = AllowedMentions.None,
                    Nonce = MessageCreate.NewNonce(),
                    EnforceNonce = true,
                },
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DiscordHttpException or HttpRequestException)
        {
            LogPostFailed(exception, channelId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Server {GuildId} used up its budget of {Budget} credits ({Spent} spent, {Held} held); members are refused until it refills")]
    private partial void LogUsedUp(ulong guildId, int budget, long spent, long held);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting the used-up budget notice to log channel {ChannelId} failed")]
    private partial void LogPostFailed(Exception exception, ulong channelId);
}
