using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Hosting;

/// <summary>
/// Why the host ended, as the exit code and the one paragraph an operator reads on stderr. A host that stopped
/// for a fault must not exit 0: supervisors restart only failed processes.
/// </summary>
public static class HostExit
{
    /// <summary>
    /// The exit code and paragraph for a host that has stopped; (0, null) for a requested stop. A background service
    /// that ended with an exception stopped the host (the Generic Host's default), which is a fault even when nothing
    /// set an exit code.
    /// </summary>
    public static (int ExitCode, string? Paragraph) Describe(IServiceProvider services, int exitCodeSoFar, Exception? runFailure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<DiscordTokenRejection>() is { IsRejected: true } rejection)
        {
            return (ExitCodes.DiscordRefused, rejection.Rejected.Result);
        }

        if (services.GetService<DiscordGateway>()?.GetStatus().FatalError is { } fatal)
        {
            return (ExitCodes.DiscordRefused, "SeedreamBot stopped: " + fatal.Message);
        }

        var failed = services.GetServices<IHostedService>()
            .OfType<BackgroundService>()
            .Where(service => service.ExecuteTask is { IsFaulted: true })
            .ToList();
        if (failed.Count > 0)
        {
            var first = failed[0].ExecuteTask!.Exception!.GetBaseException();
            return (ExitCodes.Fault,
                $"SeedreamBot stopped because its background task {failed[0].GetType().Name} failed: {first.Message} " +
                "The log above has the details. Start the bot again (a supervisor with Restart=on-failure does this by itself); " +
                "if it keeps happening, please report it with that log.");
        }

        if (runFailure is not null)
        {
            return (ExitCodes.Fault,
                $"SeedreamBot stopped because of an unexpected error: {runFailure.GetBaseException().Message} " +
                "The log above has the details. Start the bot again; if it keeps happening, please report it with that log.");
        }

        return (exitCodeSoFar, null);
    }
}
