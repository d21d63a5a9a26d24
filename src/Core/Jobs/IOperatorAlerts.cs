namespace SeedreamBot.Core.Jobs;

/// <summary>Where Core reports operator problems; the bot logs them loudly and posts them to log channels.</summary>
public interface IOperatorAlerts
{
    /// <summary>Queues the alert; never blocks and never throws.</summary>
    void Raise(OperatorAlert alert);
}
