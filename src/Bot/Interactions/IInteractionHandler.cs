namespace SeedreamBot.Bot.Interactions;

/// <summary>
/// One feature's interactions. Handlers are thin: parse the interaction, call Core, render the reply. The
/// pipeline (<see cref="InteractionProcessor"/>) does routing, the safety-net deferral, errors and metrics.
/// </summary>
public interface IInteractionHandler
{
    InteractionRoutes Routes { get; }

    /// <summary>
    /// Whether the safety-net deferral (when a handler has not answered after ~2 s) should be private. Handlers
    /// that post public results answer or defer on their own long before that.
    /// </summary>
    bool DeferPrivately => true;

    /// <summary>
    /// Whether the interaction gates (server admission) apply. Only the operators' own commands and buttons opt out:
    /// operators must be able to approve a server from anywhere.
    /// </summary>
    bool RequiresAdmission => true;

    Task HandleAsync(InteractionContext context);
}
