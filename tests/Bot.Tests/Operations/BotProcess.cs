using System.Diagnostics;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>
/// Runs the real built bot (<c>dotnet SeedreamBot.dll</c>, copied beside the tests) as a child process with only the
/// environment a test gives it, the way an operator starts it.
/// </summary>
internal sealed record BotProcess(int ExitCode, string StandardOutput, string StandardError)
{
    public static string BotAssembly => Path.Combine(AppContext.BaseDirectory, "SeedreamBot.dll");

    public static async Task<BotProcess> RunAsync(
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory,
        string assembly,
        params string[] args)
    {
        var start = StartInfo(environment, workingDirectory, assembly, args);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The bot did not exit within 60 s. Output so far: {await output.ConfigureAwait(false)}");
        }

        return new BotProcess(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    /// <summary>
    /// How to start the bot with only the environment a test gives it (and what running dotnet needs), with its
    /// output redirected.
    /// </summary>
    public static ProcessStartInfo StartInfo(
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory,
        string assembly,
        params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost(), [assembly, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // An empty environment but for what running dotnet needs, so nothing from the test machine leaks in.
        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "DOTNET_ROOT", "SYSTEMROOT", "TEMP", "TMP", "TMPDIR" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["HOME"] = workingDirectory;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        // Never read the machine's real Docker secrets folder.
        start.Environment["SEEDREAMBOT_SECRETS_DIR"] = Path.Combine(workingDirectory, "no-secrets-here");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>The dotnet executable running these tests, so the child uses the same runtime.</summary>
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? current
            : "dotnet";
    }
}
