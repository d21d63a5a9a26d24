using Microsoft.Extensions.Hosting;
using SeedreamBot.Bot.Hosting;

// Configuration mistakes end with one readable paragraph and exit code 2. A fatal gateway close (bad token,
// disallowed intents) is reported by the gateway service, which stops the host with a non-zero exit code.
var builder = BotHost.CreateBuilder(args);
using var host = builder.Build();

if (StartupProblems.Check(host.Services) is { } problems)
{
    await Console.Error.WriteLineAsync(problems).ConfigureAwait(false);
    return 2;
}

await host.RunAsync().ConfigureAwait(false);
return Environment.ExitCode;
