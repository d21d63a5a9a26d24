using SeedreamBot.Bench.LoadDriver.Scenarios;

namespace SeedreamBot.Bench.Tests.LoadDriver;

public sealed class PeakOverlapTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Images_count_from_their_download_to_their_upload()
    {
        // Downloads at 0, 1, 2 s; uploads at 1.5, 2.5, 3 s: at most two images are held at once.
        var peak = LargeResultScenario.PeakOverlap([At(0), At(1), At(2)], [At(1.5), At(2.5), At(3)]);

        Assert.Equal(2, peak);
    }

    [Fact]
    public void An_upload_at_the_same_moment_as_the_next_download_frees_its_image_first()
    {
        var peak = LargeResultScenario.PeakOverlap([At(0), At(1)], [At(1), At(2)]);

        Assert.Equal(1, peak);
    }

    [Fact]
    public void Without_downloads_nothing_is_in_flight()
    {
        Assert.Equal(0, LargeResultScenario.PeakOverlap([], []));
    }

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);
}
