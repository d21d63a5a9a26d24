using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SeedreamBot.Core.Reliability;

namespace SeedreamBot.Bot.Hosting;

/// <summary>
/// Arms the fail point named by <c>Testing:FailPoint</c>, only when the host environment is <c>Testing</c>; in any
/// other environment the setting is ignored and every fail point stays inert. At the point the bot writes
/// <c>FAILPOINT &lt;name&gt;</c> on stdout and then, as <c>Testing:FailPointAction</c> says, freezes the thread that
/// reached it (<c>Pause</c>, the default: the test kills the process) or kills its own process (<c>Exit</c>).
/// </summary>
public static class FailPointArming
{
    public const string EnvironmentName = "Testing";
    public const string NameKey = "Testing:FailPoint";
    public const string ActionKey = "Testing:FailPointAction";

    /// <summary>What the bot writes on stdout when it reaches an armed fail point.</summary>
    public const string ReachedMarker = "FAILPOINT ";

    /// <summary>Arms the configured fail point; returns its name, or null when none (always null outside Testing).</summary>
    public static string? Arm(IHostEnvironment environment, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!environment.IsEnvironment(EnvironmentName) || configuration[NameKey] is not { Length: > 0 } name)
        {
            return null;
        }

        var exit = string.Equals(configuration[ActionKey], "Exit", StringComparison.OrdinalIgnoreCase);
        FailPoints.Arm(name, reached =>
        {
            Console.Out.WriteLine(ReachedMarker + reached);
            Console.Out.Flush();
            if (exit)
            {
                // SIGKILL on Unix: no shutdown handlers, no flushing, exactly like a crash.
                Process.GetCurrentProcess().Kill();
            }

            Thread.Sleep(Timeout.Infinite);
        });
        return name;
    }
}
