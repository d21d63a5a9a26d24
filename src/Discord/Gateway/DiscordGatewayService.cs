using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// Runs the <see cref="DiscordGateway"/> for the host's lifetime. When Discord refuses the bot for good (bad token,
/// disallowed intents…) and <c>Discord:StopHostOnFatalError</c> is true, it stops the host with exit code 1 so a
/// supervisor shows the failure instead of a bot that is silently offline. A token the REST API rejected (a 401) counts
/// the same as the gateway's 4004, whichever comes first.
/// </summary>
public sealed partial class DiscordGatewayService : BackgroundService
{
    /// <summary>The process exit code when Discord refuses the bot for good.</summary>
    public const int FatalExitCode = 1;

    private readonly DiscordGateway _gateway;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly DiscordGatewayOptions _options;
    private readonly ILogger<DiscordGatewayService> _logger;
    private readonly Action<int> _setExitCode;
    private readonly DiscordTokenRejection? _tokenRejection;

    public DiscordGatewayService(
        DiscordGateway gateway,
        IHostApplicationLifetime lifetime,
        IOptions<DiscordGatewayOptions> options,
        ILogger<DiscordGatewayService> logger,
        DiscordTokenRejection? tokenRejection = null)
        : this(gateway, lifetime, options, logger, code => Environment.ExitCode = code, tokenRejection)
    {
    }

    internal DiscordGatewayService(
        DiscordGateway gateway,
        IHostApplicationLifetime lifetime,
        IOptions<DiscordGatewayOptions> options,
        ILogger<DiscordGatewayService> logger,
        Action<int> setExitCode,
        DiscordTokenRejection? tokenRejection = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gateway = gateway;
        _lifetime = lifetime;
        _options = options.Value;
        _logger = logger;
        _setExitCode = setExitCode;
        _tokenRejection = tokenRejection;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _gateway.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Gateway)
        {
            _gateway.Start();
        }
        else
        {
            LogGatewayOff();
        }

        string reason;
        try
        {
            var rejected = _tokenRejection?.Rejected ?? new TaskCompletionSource<string>().Task;
            var first = await Task.WhenAny(_gateway.Faulted, rejected).WaitAsync(stoppingToken);
            reason = first == _gateway.Faulted
                ? "Discord refused the gateway connection (" + (await _gateway.Faulted).CloseCode + ")"
                : "Discord rejected the bot token";
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (_options.StopHostOnFatalError)
        {
            LogStoppingHost(reason);
            _setExitCode(FatalExitCode);
            _lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Not connecting to the Discord gateway (Discord:Gateway is false)")]
    private partial void LogGatewayOff();

    [LoggerMessage(Level = LogLevel.Critical, Message =
        "Stopping SeedreamBot with exit code 1: {Reason}; see the message above for the fix.")]
    private partial void LogStoppingHost(string reason);
}
