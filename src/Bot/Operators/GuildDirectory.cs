using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Operators;

/// <summary>
/// Server names and member counts for the operators' views, from <c>GET /guilds/{id}?with_counts=true</c> (the bot
/// needs no gateway intent for it), kept for <see cref="CacheFor"/>. Unknown when the bot is not in the server.
/// </summary>
public sealed partial class GuildDirectory
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);

    private readonly IDiscordRestClient _rest;
    private readonly TimeProvider _time;
    private readonly ILogger<GuildDirectory> _logger;
    private readonly ConcurrentDictionary<ulong, (GuildInfo? Info, long At)> _cache = new();

    public GuildDirectory(IDiscordRestClient rest, TimeProvider time, ILogger<GuildDirectory> logger)
    {
        _rest = rest;
        _time = time;
        _logger = logger;
    }

    /// <summary>The server's name and size, or null when Discord does not show it to the bot.</summary>
    public async Task<GuildInfo?> GetAsync(ulong guildId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(guildId, out var cached) && _time.GetElapsedTime(cached.At) < CacheFor)
        {
            return cached.Info;
        }

        GuildInfo? info;
        try
        {
            var guild = await _rest.GetGuildAsync(guildId, withCounts: true, cancellationToken).ConfigureAwait(false);
            info = new GuildInfo(guild.Id, guild.Name, guild.ApproximateMemberCount);
        }
        catch (DiscordHttpException exception) when (exception.IsUnknownGuild || exception.IsMissingPermissions)
        {
            info = null;
        }
        catch (Exception exception) when (exception is DiscordHttpException or HttpRequestException)
        {
            // Not cached: the next view asks again.
            LogLookupFailed(exception, guildId);
            return null;
        }

        _cache[guildId] = (info, _time.GetTimestamp());
        return info;
    }

    /// <summary>Forgets what is known of a server (after the bot left it).</summary>
    public void Forget(ulong guildId) => _cache.TryRemove(guildId, out _);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking up server {GuildId} failed")]
    private partial void LogLookupFailed(Exception exception, ulong guildId);
}
