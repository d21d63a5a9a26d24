using SeedreamBot.Bench.LoadDriver.Reporting;

namespace SeedreamBot.Bench.LoadDriver.Scenarios;

/// <summary>How fast the bot learned that its Apiframe jobs were done, in one mode (polling only, or with webhooks).</summary>
/// <param name="Mode"><c>polling</c> or <c>webhooks</c>.</param>
/// <param name="Generations">Measured generations.</param>
/// <param name="Failed">Generations that ended in a failure message instead of an image.</param>
/// <param name="Detection">
/// Per job, from Apiframe's <c>completedAt</c> to the earlier of: the bot's 204 to the <c>completed</c> webhook reaching
/// Apiframe, or the first status poll that found the job done reaching Apiframe.
/// </param>
/// <param name="KnownByWebhook">Jobs whose end the bot learned from the webhook rather than from a poll.</param>
/// <param name="MeanPolls">Status polls per job, averaged.</param>
/// <param name="BotSide">The bot's own <c>notice_delay</c> histogram for this mode's source, as bucket bounds; null when unreadable.</param>
/// <param name="Sending">
/// Of the webhook's share: from <c>completedAt</c> to the fake Apiframe sending the <c>completed</c> webhook (its own
/// timer and queue, not the bot); null without webhooks.
/// </param>
/// <param name="Answering">… and from sending it to the bot's 204 arriving (the bot's share, loopback included).</param>
internal sealed record DetectionRun(
    string Mode,
    int Generations,
    int Failed,
    LatencySummary Detection,
    int KnownByWebhook,
    double MeanPolls,
    BotNoticeDelay? BotSide,
    LatencySummary? Sending = null,
    LatencySummary? Answering = null);
