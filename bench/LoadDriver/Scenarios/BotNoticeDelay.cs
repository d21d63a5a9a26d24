namespace SeedreamBot.Bench.LoadDriver.Scenarios;

/// <summary>
/// How late the bot learned of finished jobs as its own histogram saw it (Apiframe's <c>completedAt</c> → the job's
/// poller taking the result, <c>seedreambot.apiframe.job.notice_delay</c>); percentiles are bucket bounds (an upper limit).
/// </summary>
/// <param name="Observations">Jobs the histogram counted for the source.</param>
/// <param name="P50AtMost">Upper bound of the median, in seconds (+∞ when beyond the last bucket).</param>
/// <param name="P95AtMost">Upper bound of the 95th percentile, in seconds.</param>
internal sealed record BotNoticeDelay(long Observations, double P50AtMost, double P95AtMost);
