using System.Text.Json;

namespace SeedreamBot.Core.Seedream;

/// <summary>
/// The parts of Apiframe's <c>Job</c> the client reads. Everything is optional here: a missing field must not turn a
/// finished job into a parse error, and the client decides what is usable.
/// </summary>
internal sealed class JobBody
{
    public string? Id { get; set; }

    public string? Status { get; set; }

    /// <summary>0–100 or null; a number type so that a fractional value does not break parsing.</summary>
    public double? Progress { get; set; }

    /// <summary>Untyped in the schema: <c>{"images":[…]}</c>, a bare URL string, or a string array.</summary>
    public JsonElement? Result { get; set; }

    public string? Error { get; set; }

    public int? CreditCost { get; set; }

    /// <summary>When the job ended (ISO 8601); kept as text so an odd format never fails the whole document.</summary>
    public string? CompletedAt { get; set; }

    /// <summary>True once a COMPLETED job's CDN assets were purged.</summary>
    public bool? Expired { get; set; }
}
