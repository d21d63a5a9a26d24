using System.ComponentModel.DataAnnotations;

namespace SeedreamBot.Core.Jobs;

/// <summary>Queueing and progress settings (section <c>Generation</c>).</summary>
public sealed class GenerationOptions : IValidatableObject
{
    public const string SectionName = "Generation";

    /// <summary>Jobs one member may have running at Apiframe at once; more wait in the fair queue.</summary>
    [Range(1, 20, ErrorMessage = "Generation:MaxJobsPerUser must be between 1 and 20 (default 2).")]
    public int MaxJobsPerUser { get; set; } = 2;

    /// <summary>Generations one member may have unfinished (running plus waiting); beyond it new requests are refused.</summary>
    [Range(1, 100, ErrorMessage = "Generation:MaxQueuedPerUser must be between 1 and 100 (default 5).")]
    public int MaxQueuedPerUser { get; set; } = 5;

    /// <summary>The least time between two progress edits of one message (Discord's webhooks allow about 5 per 2 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00",
        ErrorMessage = "Generation:ProgressUpdateInterval must be between 00:00:00.050 and 00:01:00 (default 00:00:02).")]
    public TimeSpan ProgressUpdateInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The least time between two queue-position edits of one waiting message.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00",
        ErrorMessage = "Generation:QueueUpdateInterval must be between 00:00:00.050 and 00:05:00 (default 00:00:03).")]
    public TimeSpan QueueUpdateInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>What the ETA assumes a job takes before any job has finished (Seedream 5 Lite averages ~12 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00",
        ErrorMessage = "Generation:ExpectedJobDuration must be between 00:00:01 and 00:10:00 (default 00:00:15).")]
    public TimeSpan ExpectedJobDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The largest input image accepted, in bytes (Apiframe accepts up to 25 MB).</summary>
    [Range(1, 25 * 1024 * 1024, ErrorMessage = "Generation:MaxInputImageBytes must be between 1 and 26214400 (default 20971520, 20 MiB).")]
    public long MaxInputImageBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>
    /// How many times processing of one generation may start (each restart mid-job starts it again). One that keeps
    /// crashing the bot is failed after this many, with the credits given back, instead of retried forever.
    /// </summary>
    [Range(1, 100, ErrorMessage = "Generation:MaxAttempts must be between 1 and 100 (default 3).")]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Discord's CDN and media proxy: the only places input images are taken from.</summary>
    public static readonly IReadOnlyList<string> DiscordImageHosts = ["cdn.discordapp.com", "media.discordapp.net"];

    /// <summary>
    /// Where input images may come from ("Edit with Seedream" refuses images elsewhere, attachments are downloaded
    /// from here): host names (https only, public addresses only), or explicit origins such as
    /// <c>http://127.0.0.1:5123</c> for a local fake. Entries given in configuration are added to Discord's hosts.
    /// </summary>
    public HashSet<string> InputImageHosts { get; set; } = new(DiscordImageHosts, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var host in InputImageHosts)
        {
            if (Net.HostAllowList.Problem(host) is { } problem)
            {
                yield return new ValidationResult(
                    $"Generation:InputImageHosts: {problem}. List host names such as {DiscordImageHosts[0]}.", [nameof(InputImageHosts)]);
            }
        }

        if (MaxQueuedPerUser < MaxJobsPerUser)
        {
            yield return new ValidationResult(
                $"Generation:MaxQueuedPerUser ({MaxQueuedPerUser}) must be at least Generation:MaxJobsPerUser ({MaxJobsPerUser}).",
                [nameof(MaxQueuedPerUser)]);
        }
    }
}
