using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SeedreamBot.Bot.Hosting;
using SeedreamBot.Bot.Operations;

// `--version` prints the product version and exits before any configuration is read, so it works on a fresh machine.
if (ProductVersion.IsRequested(args))
{
    await Console.Out.WriteLineAsync("SeedreamBot " + ProductVersion.Display).ConfigureAwait(false);
    return 0;
}

// `--health-check` asks a running bot's /healthz (Docker's HEALTHCHECK) and exits 0 or 1; it never starts a bot.
if (HealthProbe.IsRequested(args))
{
    var settings = BotHost.CreateBuilder([.. args.Where(arg => !HealthProbe.IsRequested([arg]))]).Configuration;
    return await HealthProbe.RunAsync(settings, Console.Out).ConfigureAwait(false);
}

// Every way the bot ends has a documented exit code (ExitCodes) and, unless it was asked to stop, one readable
// paragraph on stderr: configuration and database mistakes (2), Discord refusing the bot (1), a fault it cannot carry
// on after (3).
var builder = BotHost.CreateBuilder(args);
IHost host;
try
{
    host = builder.Build();
}
catch (Exception exception) when (StartupProblems.Describe(exception) is { } problem)
{
    await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
    return ExitCodes.Configuration;
}

using (host)
{
    if (StartupProblems.Check(host.Services) is { } problems)
    {
        await Console.Error.WriteLineAsync(problems).ConfigureAwait(false);
        return ExitCodes.Configuration;
    }

    // Crash tests only: inert unless the environment is Testing.
    FailPointArming.Arm(host.Services.GetRequiredService<IHostEnvironment>(), host.Services.GetRequiredService<IConfiguration>());

    Exception? failure = null;
    try
    {
        // Not RunAsync: it disposes the host, and why the host stopped is read from its services below.
        await host.StartAsync().ConfigureAwait(false);
        await host.WaitForShutdownAsync().ConfigureAwait(false);
    }
    catch (Exception exception) when (exception is not OperationCanceledException)
    {
        // Already logged by the host; it is described below in one paragraph.
        failure = exception;
    }

    var (exitCode, paragraph) = HostExit.Describe(host.Services, Environment.ExitCode, failure);
    if (paragraph is not null)
    {
        await Console.Error.WriteLineAsync(paragraph).ConfigureAwait(false);
    }

    return exitCode;
}
