namespace SeedreamBot.Core.Servers;

/// <summary>Whether a server may use the bot, and why.</summary>
public readonly record struct AdmissionDecision(AdmissionReason Reason)
{
    public bool IsAdmitted => Reason is AdmissionReason.Configured or AdmissionReason.Approved or AdmissionReason.Open
        or AdmissionReason.OperatorIsMember;

    public bool IsDeclined => Reason == AdmissionReason.Declined;
}
