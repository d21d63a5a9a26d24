namespace SeedreamBot.Bot.Interactions;

/// <summary>How the pipeline's safety net acknowledges an interaction whose handler is slow.</summary>
public enum SafetyNetDeferral
{
    /// <summary>"Thinking…" that everyone in the channel sees; the handler's public reply replaces it.</summary>
    Public,

    /// <summary>"Thinking…" only the member sees.</summary>
    Private,

    /// <summary>For components: acknowledged without changing the message the component is on.</summary>
    Update,
}
