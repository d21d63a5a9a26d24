using System.Text.Json;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// Every Apiframe error shape in one: <c>ErrorResponse</c> (<c>error</c>), <c>ValidationError</c> (+ <c>details</c>)
/// and <c>InsufficientCredits</c> (+ the two numbers).
/// </summary>
internal sealed class ErrorBody
{
    public string? Error { get; set; }

    /// <summary>JSON path → messages; kept as raw JSON so an unexpected value shape cannot fail the whole parse.</summary>
    public Dictionary<string, JsonElement>? Details { get; set; }

    public int? CreditsRequired { get; set; }

    public int? CreditsAvailable { get; set; }
}
