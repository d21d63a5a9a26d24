namespace SeedreamBot.Fakes.Apiframe;

/// <summary>A job's state at one moment, as a test sees it.</summary>
public sealed record FakeJobSnapshot(
    string Id,
    string Status,
    int? Progress,
    string Model,
    string Prompt,
    string? Error,
    int? CreditCost,
    bool Expired,
    string? IdempotencyKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    int Polls,
    IReadOnlyList<Uri> ImageUrls,
    IReadOnlyList<string>? InputUrls = null,
    string? InputFetchError = null);
