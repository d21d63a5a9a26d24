namespace SeedreamBot.Bot.Operators;

/// <summary>What <c>/operator status</c> shows.</summary>
/// <param name="ApiframeCredits">The Apiframe team balance at the last check; null when unknown.</param>
/// <param name="ApiframeCheckedAt">When it was read.</param>
/// <param name="DailyBudget">Apiframe:DailyCreditBudget; null when there is no daily limit.</param>
/// <param name="SpentToday">Apiframe credits spent or committed today (UTC).</param>
/// <param name="Running">Jobs being made at Apiframe now.</param>
/// <param name="Waiting">Jobs waiting in the queue.</param>
/// <param name="Version">The bot's version.</param>
/// <param name="Policy">Operator:ServerPolicy as written in configuration.</param>
/// <param name="PendingServers">Servers waiting for a decision.</param>
/// <param name="AlertChannelId">The operator channel, or null for DMs.</param>
/// <param name="Operators">How many operators there are.</param>
public sealed record OperatorStatus(
    long? ApiframeCredits,
    DateTimeOffset? ApiframeCheckedAt,
    long? DailyBudget,
    long SpentToday,
    int Running,
    int Waiting,
    string Version,
    string Policy,
    int PendingServers,
    ulong? AlertChannelId,
    int Operators);
