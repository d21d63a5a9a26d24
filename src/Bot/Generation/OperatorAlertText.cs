using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Bot.Generation;

/// <summary>Sentences for operators about Apiframe account problems.</summary>
public static class OperatorAlertText
{
    public static string OutOfCredits(ApiframeFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var numbers = failure is { CreditsRequired: { } required, CreditsAvailable: { } available }
            ? $" (a generation needs {required}, the team has {available})"
            : "";
        return $"The Apiframe team behind this bot is out of credits{numbers}, so images cannot be made. Top up the Apiframe account.";
    }
}
