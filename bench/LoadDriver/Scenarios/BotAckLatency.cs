namespace SeedreamBot.Bench.LoadDriver.Scenarios;

/// <summary>
/// The bot's ack latency as its own histogram saw it (gateway receive → Discord accepted the callback), which leaves
/// out the fake's sending and the network; percentiles are the histogram's bucket bounds (an upper limit).
/// </summary>
/// <param name="Observations">Interactions the histogram counted during the burst.</param>
/// <param name="P50AtMost">Upper bound of the median, in seconds (+∞ when beyond the last bucket).</param>
/// <param name="P99AtMost">Upper bound of the 99th percentile, in seconds.</param>
internal sealed record BotAckLatency(long Observations, double P50AtMost, double P99AtMost);
