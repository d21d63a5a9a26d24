namespace SeedreamBot.Core.Jobs;

/// <summary>The bot-wide brake on Apiframe spending (<c>Apiframe:DailyCreditBudget</c>).</summary>
public interface ISpendGuard
{
    /// <summary>False when today's spend plus one more generation would pass the budget.</summary>
    bool AllowsNewGeneration();

    /// <summary>Counts a generation that was just started, before the store shows it.</summary>
    void Reserve();
}
