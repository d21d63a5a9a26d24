namespace SeedreamBot.Fakes.Apiframe;

/// <summary>An event the fake raised for a job that asked for webhooks.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Event"><c>progress</c>, <c>completed</c> or <c>failed</c>.</param>
/// <param name="Status">The job's status in the payload.</param>
/// <param name="Progress">The job's progress in the payload.</param>
public sealed record FakeWebhookEvent(string JobId, string Event, string Status, int? Progress);
