namespace SeedreamBot.Bench.LoadDriver.Scenarios;

/// <summary>The same generations measured twice, each mode with a fresh bot: polling only, then with Apiframe's webhooks.</summary>
internal sealed record WebhookDetectionResult(DetectionRun Polling, DetectionRun Webhooks, TimeSpan JobDuration, TimeSpan DispatchGap);
