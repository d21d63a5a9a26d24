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

    /// <summary>
    /// How the safety net acknowledges <paramref name="interaction"/> when this handler is slow: a deferred update for
    /// components (the message stays as it is), otherwise "thinking…", private unless <see cref="DeferPrivately"/> is
    /// false. Handlers whose components start something new override it.
    /// </summary>
    SafetyNetDeferral SafetyNetFor(Discord.Models.Interaction interaction) =>
        interaction?.Type is Discord.Models.InteractionType.MessageComponent
            ? SafetyNetDeferral.Update
            : DeferPrivately ? SafetyNetDeferral.Private : SafetyNetDeferral.Public;

    Task HandleAsync(InteractionContext context);
}
