namespace SeedreamBot.Bot.Interactions;

/// <summary>How an interaction has been answered so far; it decides how the next reply is sent.</summary>
public enum AcknowledgementState
{
    /// <summary>Nothing sent yet: the next reply is the initial response (within 3 s).</summary>
    None,

    /// <summary>Deferred publicly ("thinking…"): replies edit the original response.</summary>
    DeferredPublic,

    /// <summary>Deferred privately: replies edit the original, which only the member sees.</summary>
    DeferredPrivate,

    /// <summary>A component was acknowledged without a visible change.</summary>
    DeferredUpdate,

    /// <summary>A message or modal was sent as the initial response: later replies are follow-ups.</summary>
    Responded,
}
