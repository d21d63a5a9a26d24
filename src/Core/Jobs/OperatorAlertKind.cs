namespace SeedreamBot.Core.Jobs;

public enum OperatorAlertKind
{
    /// <summary>Apiframe rejected the API key.</summary>
    ApiKeyRejected,

    /// <summary>The Apiframe team has no credits left.</summary>
    ApiframeOutOfCredits,

    /// <summary>The Apiframe team balance fell below <c>Apiframe:LowBalanceWarning</c>.</summary>
    ApiframeBalanceLow,

    /// <summary>Today's spend reached <c>Apiframe:DailyCreditBudget</c>.</summary>
    DailyBudgetReached,
}
