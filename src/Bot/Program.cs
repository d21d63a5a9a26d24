using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SeedreamBot.Bot.Hosting;
using SeedreamBot.Discord.Gateway;

// Configuration mistakes end with one readable paragraph and exit code 2; a fatal gateway close (bad token,
// disallowed intents) stops the host with exit code 3. Everything else is the generic host's usual life.
var builder = BotHost.CreateBuilder(args);
using var host = builder.Build();

if (StartupProblems.Check(host.Services) is { } problems)
{
    await Console.Error.WriteLineAsync(problems).ConfigureAwait(false);
    return 2;
}

var gateway = host.Services.GetRequiredService<DiscordGateway>();
var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
var exitCode = 0;
_ = gateway.Faulted.ContinueWith(
    fault =>
    {
        exitCode = 3;
        lifetime.StopApplication();
    },
    CancellationToken.None,
    TaskContinuationOptions.OnlyOnRanToCompletion,
    TaskScheduler.Default);

await host.RunAsync().ConfigureAwait(false);
return exitCode;
