using SeedreamBot.Core.Reliability;

namespace SeedreamBot.Core.Tests.Reliability;

/// <summary>The fail-point hook: inert until armed, then fires once, at the armed point only.</summary>
[Collection(FailPointsCollection.Name)]
public sealed class FailPointsTests : IDisposable
{
    public void Dispose() => FailPoints.Disarm();

    [Fact]
    public void Unarmed_points_do_nothing()
    {
        Assert.False(FailPoints.IsArmed);
        foreach (var name in FailPointNames.All)
        {
            FailPoints.Reach(name);
        }
    }

    [Fact]
    public void An_armed_point_fires_once_and_only_for_its_own_name()
    {
        var reached = new List<string>();
        FailPoints.Arm(FailPointNames.AfterDownload, reached.Add);

        FailPoints.Reach(FailPointNames.AfterAck);
        FailPoints.Reach(FailPointNames.AfterDownload);
        FailPoints.Reach(FailPointNames.AfterDownload);

        Assert.Equal([FailPointNames.AfterDownload], reached);
    }

    [Fact]
    public void Only_the_eight_named_points_can_be_armed()
    {
        Assert.Equal(8, FailPointNames.All.Distinct().Count());
        Assert.Throws<ArgumentException>(() => FailPoints.Arm("after-lunch", _ => { }));
        Assert.False(FailPoints.IsArmed);
    }
}
