using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Interactions;

/// <summary>The initial response as <c>POST /interactions/{id}/{token}/callback</c> (interactions from the gateway).</summary>
public sealed class RestInteractionCallback(IDiscordRestClient rest) : IInteractionCallback
{
    public Task SendAsync(Interaction interaction, InteractionResponse response, IReadOnlyList<DiscordFile>? files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return rest.CreateInteractionResponseAsync(
            interaction.Id, interaction.Token, response, files, interaction.AttachmentSizeLimit, cancellationToken);
    }

    public void HandlingEnded()
    {
    }
}
