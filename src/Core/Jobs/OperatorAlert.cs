namespace SeedreamBot.Core.Jobs;

/// <summary>Something the person hosting the bot must hear about, in the logs and in guild log channels.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Message">A sentence for the operator and moderators.</param>
/// <param name="GuildId">The guild it concerns, or null when it concerns every guild.</param>
public sealed record OperatorAlert(OperatorAlertKind Kind, string Message, ulong? GuildId = null);
