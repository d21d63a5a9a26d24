namespace SeedreamBot.Bot.Hosting;

/// <summary>The process exit codes the README documents; a supervisor (systemd <c>Restart=on-failure</c>, Docker) reads them.</summary>
public static class ExitCodes
{
    /// <summary>Stopped on request (Ctrl+C, SIGTERM, <c>docker stop</c>).</summary>
    public const int Stopped = 0;

    /// <summary>Discord refused the bot for good: a rejected token (401 on REST or 4004 on the gateway), disallowed intents, bad sharding.</summary>
    public const int DiscordRefused = Discord.Gateway.DiscordGatewayService.FatalExitCode;

    /// <summary>A configuration or database problem found at start (or the health listener could not listen).</summary>
    public const int Configuration = 2;

    /// <summary>Something failed that the bot cannot carry on without (a background task died, storage broke): a restart may help.</summary>
    public const int Fault = 3;
}
