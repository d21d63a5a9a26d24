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

// Configuration and database mistakes end with one readable paragraph on stderr and exit code 2. A fatal gateway
// close (bad token, disallowed intents) is reported by the gateway service, which stops the host with exit code 1.
var builder = BotHost.CreateBuilder(args);
IHost host;
try
{
    host = builder.Build();
}
catch (Exception exception) when (StartupProblems.Describe(exception) is { } problem)
{
    await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
    return 2;
}

using (host)
{
    if (StartupProblems.Check(host.Services) is { } problems)
    {
        await Console.Error.WriteLineAsync(problems).ConfigureAwait(false);
        return 2;
    }

    await host.RunAsync().ConfigureAwait(false);
}

return Environment.ExitCode;
