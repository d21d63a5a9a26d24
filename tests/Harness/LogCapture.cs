using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace SeedreamBot.Harness;

/// <summary>
/// Keeps every log line of a host (all levels, with scopes and exceptions), so tests can read what the bot said
/// and prove that no secret ever appears in it.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Lines => [.. _lines];

    /// <summary>Everything, as one text, for "does this string occur anywhere" checks.</summary>
    public string AllText => string.Join('\n', _lines.Select(line => line.ToString()));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new StringBuilder();
            owner._scopes.ForEachScope((scope, text) => text.Append(" [").Append(Describe(scope)).Append(']'), scopes);
            owner._lines.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), exception?.ToString(), scopes.ToString()));
        }

        // As the console's simple format prints a scope, so tests read what an operator reads.
        private static string Describe(object? scope) => scope?.ToString() ?? "";
    }
}
