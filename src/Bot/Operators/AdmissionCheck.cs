using SeedreamBot.Core.Servers;

namespace SeedreamBot.Bot.Operators;

/// <summary>A server's admission as checked now. <see cref="CheckFailed"/>: Discord could not be asked whether an operator is a member.</summary>
public readonly record struct AdmissionCheck(AdmissionDecision Decision, bool CheckFailed = false)
{
    public bool IsAdmitted => Decision.IsAdmitted;
}
