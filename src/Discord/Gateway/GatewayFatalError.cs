namespace SeedreamBot.Discord.Gateway;

/// <summary>Why a shard stopped for good: the close code and the message that tells an operator what to fix.</summary>
public sealed record GatewayFatalError(int ShardId, int CloseCode, string Message, DateTimeOffset OccurredAt);
