using SeedreamBot.Core.Jobs;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Generation;

/// <summary>Builds where a generation's messages go from the interaction that asked for it.</summary>
public static class DeliveryTargets
{
    private const long DiscordEpochMilliseconds = 1_420_070_400_000;

    public static DeliveryTarget From(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var user = interaction.InvokingUser;
        return new DeliveryTarget
        {
            ApplicationId = interaction.ApplicationId,
            InteractionId = interaction.Id,
            InteractionToken = interaction.Token,
            InteractionCreatedAt = CreatedAt(interaction.Id),
            ChannelId = interaction.ChannelId ?? interaction.Channel?.Id ?? 0,
            GuildId = interaction.GuildId ?? 0,
            Locale = interaction.Locale,
            RequesterName = interaction.Member?.DisplayName ?? user.DisplayName,
            RequesterAvatarUrl = user.Avatar is { } avatar ? $"https://cdn.discordapp.com/avatars/{user.Id}/{avatar}.png" : null,
            AttachmentSizeLimit = interaction.AttachmentSizeLimit ?? 0,
        };
    }

    /// <summary>The smallest snowflake created at <paramref name="time"/>, for "messages after" queries.</summary>
    public static ulong SnowflakeAt(DateTimeOffset time) =>
        (ulong)Math.Max(0, time.ToUnixTimeMilliseconds() - DiscordEpochMilliseconds) << 22;

    /// <summary>A snowflake's creation time (its top 42 bits are milliseconds since Discord's epoch).</summary>
    public static DateTimeOffset CreatedAt(ulong snowflake) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(snowflake >> 22) + DiscordEpochMilliseconds);
}
