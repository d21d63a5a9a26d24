using System.Diagnostics;

namespace SeedreamBot.Bench.LoadDriver.Child;

/// <summary>
/// The real bot (<c>SeedreamBot.dll</c>) as a child process configured through environment variables, so that its
/// CPU time and memory are measured apart from the fakes that run in the driver. Its console output goes to a
/// log file; the last lines are kept to explain an early exit.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    // Settings an operator's shell may carry that must not leak into a benchmark run (a real token, say).
    private static readonly string[] InheritedPrefixes =
        ["Discord__", "Apiframe__", "Credits__", "Operator__", "Storage__", "Generation__", "Health__", "Logging__", "Metrics__"];

    private static readonly string[] InheritedNames = ["DISCORD_TOKEN", "APIFRAME_API_KEY", "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT"];

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private readonly Queue<string> _tail = new();
    private bool _closed;

    private BotProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>User plus kernel CPU time the bot has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Starts <paramref name="botDll"/> with <paramref name="settings"/> (configuration keys such as
    /// <c>Discord:Token</c>, passed as <c>Discord__Token</c>) and its output appended to <paramref name="logPath"/>.
    /// </summary>
    public static BotProcess Start(string botDll, IReadOnlyDictionary<string, string> settings, string logPath, string secretsDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(botDll))
        {
            throw new FileNotFoundException(
                $"The bot was not found at {botDll}. Build bench/LoadDriver (it brings SeedreamBot.dll along) or pass --bot <path to SeedreamBot.dll>.",
                botDll);
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(botDll))!,
        };
        start.ArgumentList.Add(Path.GetFullPath(botDll));
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (InheritedNames.Contains(name, StringComparer.OrdinalIgnoreCase)
                || InheritedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                start.Environment.Remove(name);
            }
        }

        // No Docker secrets folder on the machine may feed the bot a real key.
        start.Environment["SEEDREAMBOT_SECRETS_DIR"] = secretsDirectory;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var log = new StreamWriter(logPath, append: true) { AutoFlush = false };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var bot = new BotProcess(process, log);
        process.OutputDataReceived += (_, line) => bot.Append(line.Data);
        process.ErrorDataReceived += (_, line) => bot.Append(line.Data);
        if (!process.Start())
        {
            log.Dispose();
            throw new InvalidOperationException($"Could not start {start.FileName} {botDll}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    public ProcessMemory ReadMemory() => ProcessMemory.Read(_process.Id);

    public bool TryResetPeakMemory() => ProcessMemory.TryResetPeak(_process.Id);

    /// <summary>Throws with the bot's last output when it is no longer running.</summary>
    public void EnsureRunning()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException(
                $"The bot exited with code {_process.ExitCode}. Its last output:{Environment.NewLine}{Tail()}");
        }
    }

    /// <summary>The last lines the bot printed.</summary>
    public string Tail()
    {
        lock (_logLock)
        {
            return string.Join(Environment.NewLine, _tail);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Measurements are taken; a graceful stop would only add minutes of draining queued generations.
            _process.Kill(entireProcessTree: true);
        }

        using (var exit = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            try
            {
                await _process.WaitForExitAsync(exit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Killed processes exit at once; this is only a safety net.
            }
        }

        _process.Dispose();
        lock (_logLock)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    /// <summary>The <c>dotnet</c> host that runs this driver, so the bot gets the same runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (_closed)
            {
                return;
            }

            _log.WriteLine(line);
            _tail.Enqueue(line);
            while (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }
}
