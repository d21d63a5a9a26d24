using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Interactions;

/// <summary>
/// The path an interaction's initial response takes: the REST callback for interactions from the gateway
/// (<see cref="RestInteractionCallback"/>), or the HTTP response for interactions Discord POSTed to the bot's endpoint
/// (<see cref="HttpInteractionCallback"/>). Everything after the initial response (edits of the original, follow-ups)
/// goes over the interaction's REST webhook either way.
/// </summary>
public interface IInteractionCallback
{
    /// <summary>
    /// Sends the initial response. Completes once Discord has it (REST) or it was written to the HTTP response; throws
    /// a <see cref="Discord.Rest.DiscordHttpException"/> like the REST callback when Discord no longer takes it.
    /// </summary>
    Task SendAsync(Interaction interaction, InteractionResponse response, IReadOnlyList<DiscordFile>? files, CancellationToken cancellationToken);

    /// <summary>The pipeline is done with the interaction (answered or not); nothing more will be sent through here.</summary>
    void HandlingEnded();
}
