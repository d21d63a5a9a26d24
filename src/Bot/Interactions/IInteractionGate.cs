namespace SeedreamBot.Bot.Interactions;

/// <summary>
/// A check every interaction passes before its handler runs (for handlers whose
/// <see cref="IInteractionHandler.RequiresAdmission"/> is true), such as whether the server may use the bot at all.
/// A gate that refuses has already answered the member.
/// </summary>
public interface IInteractionGate
{
    /// <summary>True to go on to the handler; false after answering the member privately.</summary>
    Task<bool> AdmitAsync(InteractionContext context);
}
