namespace SeedreamBot.Core.Seedream;

/// <summary>A job that ended COMPLETED with at least one image.</summary>
public sealed record CompletedJob(string JobId, IReadOnlyList<Uri> ImageUrls, int? CreditCost);
