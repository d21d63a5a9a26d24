namespace SeedreamBot.Harness;

/// <summary>One log line the bot wrote, with its scopes, as captured by <see cref="LogCapture"/>.</summary>
public sealed record CapturedLog(string Category, Microsoft.Extensions.Logging.LogLevel Level, string Message, string? Exception, string Scopes)
{
    public override string ToString() => $"{Level} {Category}: {Message} {Scopes} {Exception}";
}
