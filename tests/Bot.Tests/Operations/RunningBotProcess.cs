using System.Collections.Concurrent;
using System.Diagnostics;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>
/// The real built bot as a child process that keeps running while a test talks to it through the fakes; every line
/// it writes to standard output is kept, so tests read the console exactly as an operator sees it.
/// </summary>
internal sealed class RunningBotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private RunningBotProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                _lines.Enqueue(line.Data);
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                _errors.Enqueue(line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Every line written to standard error so far.</summary>
    public IReadOnlyList<string> ErrorLines => [.. _errors];

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static RunningBotProcess Start(IReadOnlyDictionary<string, string> environment, string workingDirectory) =>
        new(Process.Start(BotProcess.StartInfo(environment, workingDirectory, BotProcess.BotAssembly))
            ?? throw new InvalidOperationException("dotnet did not start."));

    /// <summary>
    /// Starts the built bot against <paramref name="fakes"/>, configured exactly like the harness's in-process bot
    /// (same database, same fakes), plus <paramref name="extra"/> environment variables.
    /// </summary>
    public static RunningBotProcess StartAgainst(Harness.BotHarness fakes, string workingDirectory, params (string Name, string Value)[] extra) =>
        Start(EnvironmentFor(fakes, extra), workingDirectory);

    /// <summary>The harness's bot configuration as environment variables, plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, string> EnvironmentFor(Harness.BotHarness fakes, params (string Name, string Value)[] extra)
    {
        ArgumentNullException.ThrowIfNull(fakes);
        var environment = fakes.Settings()
            .Where(setting => setting.Value is not null)
            .ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!);
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>A real kill: SIGKILL on Unix, so no shutdown handler, no flush and no dispose runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await WaitForExitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    /// <summary>Waits for the process to end by itself; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException(
                $"The bot did not exit within {timeout}.\nstdout:\n" + string.Join('\n', _lines) + "\nstderr:\n" + string.Join('\n', _errors));
        }

        // The asynchronous readers may still be delivering the last lines.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Everything the bot wrote, for failure messages.</summary>
    public string Transcript() => "stdout:\n" + string.Join('\n', _lines) + "\nstderr:\n" + string.Join('\n', _errors);

    /// <summary>Waits for a line of standard output that matches, failing with everything written so far.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (_process.HasExited)
            {
                break;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException(
            $"The bot never wrote {what}" + (_process.HasExited ? $" (it exited with {_process.ExitCode})" : "") + ".\n"
            + "stdout:\n" + string.Join('\n', _lines) + "\nstderr:\n" + string.Join('\n', _errors));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }
}
