using Microsoft.Extensions.Logging;

namespace SeedreamBot.Core.Tests.Seedream;

/// <summary>One log call (or scope) as a test sees it, with everything that could carry a secret flattened to text.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> Properties, string? Exception)
{
    public object? Property(string name) => Properties.FirstOrDefault(p => p.Key == name).Value;

    /// <summary>Message, every structured value and the exception, for "never contains X" checks.</summary>
    public string AllText =>
        string.Join('\n', [Message, .. Properties.Select(p => $"{p.Key}={p.Value}"), Exception ?? string.Empty]);

    public override string ToString() => $"[{Level}] {Category}: {Message}";
}
