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

    public static RunningBotProcess Start(IReadOnlyDictionary<string, string> environment, string workingDirectory) =>
        new(Process.Start(BotProcess.StartInfo(environment, workingDirectory, BotProcess.BotAssembly))
            ?? throw new InvalidOperationException("dotnet did not start."));

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
