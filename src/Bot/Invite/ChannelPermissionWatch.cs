using Microsoft.Extensions.Logging;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Invite;

/// <summary>
/// Reads the bot's permissions that every guild interaction carries (<c>app_permissions</c>) and warns the operator,
/// once per channel, when the bot lacks part of <see cref="InvitePermissions"/> where members use it: a result
/// finished after the 15-minute interaction window, for one, is posted as a channel message and needs all of them.
/// Said again only when what is missing changes.
/// </summary>
public sealed partial class ChannelPermissionWatch
{
    // Bounded memory: beyond this many channels the record starts over (a channel may then be reported again).
    private const int MaxChannels = 10_000;

    private readonly Dictionary<ulong, Permissions> _reported = [];
    private readonly Lock _gate = new();
    private readonly ILogger<ChannelPermissionWatch> _logger;

    public ChannelPermissionWatch(ILogger<ChannelPermissionWatch> logger) => _logger = logger;

    public void Observe(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.GuildId is not { } guildId
            || interaction.AppPermissions is not { } granted
            || (interaction.ChannelId ?? interaction.Channel?.Id) is not { } channelId)
        {
            return;
        }

        var missing = InvitePermissions.MissingIn(granted, interaction.Channel?.Type);
        lock (_gate)
        {
            if (missing == Permissions.None)
            {
                // Fixed: losing them again is news.
                _reported.Remove(channelId);
                return;
            }

            if (_reported.TryGetValue(channelId, out var said) && said == missing)
            {
                return;
            }

            if (_reported.Count >= MaxChannels)
            {
                _reported.Clear();
            }

            _reported[channelId] = missing;
        }

        LogMissing(string.Join(", ", InvitePermissions.Names(missing)), channelId, guildId, InvitePermissions.Integer);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bot lacks {Missing} in channel {ChannelId} of guild {GuildId}, where members use it: " +
        "results that finish after the 15-minute interaction window are posted there as messages and need them. Give the bot's role " +
        "these permissions in that channel (Edit Channel > Permissions), or invite it again with permissions={Permissions}")]
    private partial void LogMissing(string missing, ulong channelId, ulong guildId, ulong permissions);
}
