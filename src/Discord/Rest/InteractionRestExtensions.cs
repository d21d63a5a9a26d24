using SeedreamBot.Discord.Models;

namespace SeedreamBot.Discord.Rest;

/// <summary>
/// The interaction calls taking the <see cref="Interaction"/> itself: ids and token come from it, and uploads are
/// checked against its <see cref="Interaction.AttachmentSizeLimit"/>.
/// </summary>
public static class InteractionRestExtensions
{
    public static Task RespondAsync(
        this IDiscordRestClient client,
        Interaction interaction,
        InteractionResponse response,
        IReadOnlyList<DiscordFile>? files = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(interaction);
        return client.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, files, interaction.AttachmentSizeLimit, cancellationToken);
    }

    public static Task<Message> EditOriginalResponseAsync(
        this IDiscordRestClient client,
        Interaction interaction,
        MessageEdit edit,
        IReadOnlyList<DiscordFile>? files = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(interaction);
        return client.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, edit, files, interaction.AttachmentSizeLimit, cancellationToken);
    }

    public static Task<Message> CreateFollowupAsync(
        this IDiscordRestClient client,
        Interaction interaction,
        FollowupMessageCreate message,
        IReadOnlyList<DiscordFile>? files = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(interaction);
        return client.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, message, files, interaction.AttachmentSizeLimit, cancellationToken);
    }
}
