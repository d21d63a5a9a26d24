namespace SeedreamBot.Fakes.Apiframe;

/// <summary>How jobs move through QUEUED → PROCESSING → an end state.</summary>
public enum FakeJobMode
{
    /// <summary>On their own, driven by the server's TimeProvider over <see cref="FakeApiframeServer.JobDuration"/>.</summary>
    Automatic,

    /// <summary>Only when a test says so (<see cref="FakeApiframeServer.StepJob"/>, <see cref="FakeApiframeServer.CompleteJob"/>, …).</summary>
    Manual,
}
