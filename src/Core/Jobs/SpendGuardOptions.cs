using System.ComponentModel.DataAnnotations;

namespace SeedreamBot.Core.Jobs;

/// <summary>The bot-wide spending brakes, read from the <c>Apiframe</c> section.</summary>
public sealed class SpendGuardOptions
{
    public const string SectionName = "Apiframe";

    /// <summary>Apiframe credits the bot may spend per UTC day; unset means no limit.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Apiframe:DailyCreditBudget must be a positive number of Apiframe credits, or left out for no daily limit.")]
    public long? DailyCreditBudget { get; set; }

    /// <summary>Warn operators when the Apiframe team balance falls below this; unset means no warning.</summary>
    [Range(0, long.MaxValue, ErrorMessage = "Apiframe:LowBalanceWarning must be zero or more Apiframe credits, or left out to turn the warning off.")]
    public long? LowBalanceWarning { get; set; }

    /// <summary>How often the team balance is read (also once at start).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Apiframe:BalanceCheckInterval must be between 00:01:00 and 1.00:00:00 (default 01:00:00).")]
    public TimeSpan BalanceCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>What one Seedream 5 Lite job costs at Apiframe, for budgeting before the job reports its cost.</summary>
    [Range(1, 1000, ErrorMessage = "Apiframe:CreditsPerGeneration must be between 1 and 1000 (default 4).")]
    public int CreditsPerGeneration { get; set; } = 4;
}
