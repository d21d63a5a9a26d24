using SeedreamBot.Discord.Models;

namespace SeedreamBot.Discord.Rest;

/// <summary>Calls whose "not found" answer is an ordinary outcome rather than an error.</summary>
public static class DiscordRestClientExtensions
{
    /// <summary>
    /// The member, or null when the user is not in the guild (404 / 10007 Unknown Member). Any other refusal (the
    /// bot left the guild, a missing token) still throws <see cref="DiscordHttpException"/>.
    /// </summary>
    public static async Task<GuildMember?> FindGuildMemberAsync(
        this IDiscordRestClient client, ulong guildId, ulong userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return await client.GetGuildMemberAsync(guildId, userId, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordHttpException exception) when (exception.IsUnknownMember)
        {
            return null;
        }
    }
}
