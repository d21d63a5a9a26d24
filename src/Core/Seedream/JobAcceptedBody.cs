namespace SeedreamBot.Core.Seedream;

/// <summary><c>JobAccepted</c>: the 202 answer to a submission.</summary>
internal sealed class JobAcceptedBody
{
    public string? JobId { get; set; }

    public string? Status { get; set; }
}
