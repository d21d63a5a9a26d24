using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SeedreamBot.Discord.Rest;

/// <summary>
/// Counts 401, 403 and 429 answers (except shared-scope 429s) over a sliding 10 minutes. Cloudflare bans the IP at
/// 10,000; this warns at <see cref="DiscordOptions.InvalidRequestWarningThreshold"/> and logs an error at
/// <see cref="DiscordOptions.InvalidRequestErrorThreshold"/>, once per crossing.
/// </summary>
public sealed class InvalidRequestMonitor
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Queue<DateTimeOffset> _seen = new();
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly ILogger<InvalidRequestMonitor> _logger;
    private readonly int _warnAt;
    private readonly int _errorAt;
    private bool _warned;
    private bool _errored;

    public InvalidRequestMonitor(TimeProvider time, IOptions<DiscordOptions> options, ILogger<InvalidRequestMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _logger = logger;
        _warnAt = options.Value.InvalidRequestWarningThreshold;
        _errorAt = options.Value.InvalidRequestErrorThreshold;
    }

    /// <summary>Invalid requests in the last 10 minutes (for health checks).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                Prune(_time.GetUtcNow());
                return _seen.Count;
            }
        }
    }

    internal void Record()
    {
        int count;
        bool warn = false, error = false;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            _seen.Enqueue(now);
            Prune(now);
            count = _seen.Count;
            if (count >= _errorAt && !_errored)
            {
                _errored = error = true;
            }
            else if (count >= _warnAt && !_warned)
            {
                _warned = warn = true;
            }
        }

        if (error)
        {
            DiscordRestLog.InvalidRequestsCritical(_logger, count, _errorAt);
        }
        else if (warn)
        {
            DiscordRestLog.InvalidRequestsHigh(_logger, count, _warnAt);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_seen.Count > 0 && now - _seen.Peek() >= Window)
        {
            _seen.Dequeue();
        }

        // Re-arm once the window has calmed down, so a later surge is reported again.
        if (_seen.Count < _warnAt / 2)
        {
            _warned = false;
        }

        if (_seen.Count < _errorAt / 2)
        {
            _errored = false;
        }
    }
}
