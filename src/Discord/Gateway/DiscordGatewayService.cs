using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// Runs the <see cref="DiscordGateway"/> for the host's lifetime. When Discord refuses the bot for good (bad token,
/// disallowed intents…) and <c>Discord:StopHostOnFatalError</c> is true, it stops the host with exit code 1 so a
/// supervisor shows the failure instead of a bot that is silently offline.
/// </summary>
public sealed partial class DiscordGatewayService : BackgroundService
{
    private readonly DiscordGateway _gateway;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly DiscordGatewayOptions _options;
    private readonly ILogger<DiscordGatewayService> _logger;
    private readonly Action<int> _setExitCode;

    public DiscordGatewayService(
        DiscordGateway gateway,
        IHostApplicationLifetime lifetime,
        IOptions<DiscordGatewayOptions> options,
        ILogger<DiscordGatewayService> logger)
        : this(gateway, lifetime, options, logger, code => Environment.ExitCode = code)
    {
    }

    internal DiscordGatewayService(
        DiscordGateway gateway,
        IHostApplicationLifetime lifetime,
        IOptions<DiscordGatewayOptions> options,
        ILogger<DiscordGatewayService> logger,
        Action<int> setExitCode)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gateway = gateway;
        _lifetime = lifetime;
        _options = options.Value;
        _logger = logger;
        _setExitCode = setExitCode;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _gateway.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _gateway.Start();
        GatewayFatalError fatal;
        try
        {
            fatal = await _gateway.Faulted.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (_options.StopHostOnFatalError)
        {
            LogStoppingHost(fatal.CloseCode);
            _setExitCode(1);
            _lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message =
        "Stopping SeedreamBot with exit code 1: Discord refused the gateway connection ({CloseCode}); see the message above for the fix.")]
    private partial void LogStoppingHost(int closeCode);
}
