using System.Text.Json;

namespace SeedreamBot.Discord.Models;

/// <summary>
/// Discord's error body: <c>code</c> and <c>message</c>, for 50035 a nested <c>errors</c> tree, and for 429
/// <c>retry_after</c> (seconds) and <c>global</c>.
/// </summary>
public sealed class DiscordErrorBody
{
    public int? Code { get; init; }

    public string? Message { get; init; }

    public JsonElement? Errors { get; init; }

    public double? RetryAfter { get; init; }

    public bool? Global { get; init; }
}
