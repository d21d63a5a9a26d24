namespace SeedreamBot.Bench.LoadDriver.Scenarios;

/// <summary>A generation's wall time beside the job itself, averaged over the measured generations.</summary>
/// <param name="Submit">From the dispatch to the submission reaching Apiframe (acknowledge, hold, queue, first edit).</param>
/// <param name="Detection">From the job being done to the poll that saw it done (how late the polls notice).</param>
/// <param name="Fetch">From that poll to the result's download starting.</param>
/// <param name="Delivery">From fetching the result to Discord receiving it (download, upload).</param>
internal sealed record GenerationStages(TimeSpan Submit, TimeSpan Detection, TimeSpan Fetch, TimeSpan Delivery);
