namespace SeedreamBot.Fakes.Apiframe;

/// <summary>Where an automatic job ends.</summary>
public enum FakeJobOutcome
{
    Complete,
    Fail,
    Cancel,

    /// <summary>Never ends: it stops rising at <see cref="FakeJobPlan.StuckAtProgress"/>.</summary>
    Stuck,
}
