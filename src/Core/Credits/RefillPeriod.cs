namespace SeedreamBot.Core.Credits;

/// <summary>How often allowances refill; boundaries fall at midnight in the configured time zone.</summary>
public enum RefillPeriod
{
    Daily,
    Weekly,
    Monthly,
    Never,
}
