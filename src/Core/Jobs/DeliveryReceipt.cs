namespace SeedreamBot.Core.Jobs;

/// <summary>Where the presenter put a delivered result.</summary>
public sealed record DeliveryReceipt(ulong ChannelId, ulong MessageId);
