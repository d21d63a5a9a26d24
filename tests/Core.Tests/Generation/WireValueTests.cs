using SeedreamBot.Core.Generation;

namespace SeedreamBot.Core.Tests.Generation;

public sealed class WireValueTests
{
    [Fact]
    public void Sizes_round_trip_through_their_wire_values()
    {
        foreach (var size in Enum.GetValues<ImageSize>())
        {
            Assert.True(ImageSizes.TryParse(size.ToWire(), out var parsed));
            Assert.Equal(size, parsed);
        }

        Assert.Equal(["2K", "3K"], Enum.GetValues<ImageSize>().Select(s => s.ToWire()));
        Assert.Equal(ImageSizes.WireValues, Enum.GetValues<ImageSize>().Select(s => s.ToWire()));
        Assert.False(ImageSizes.TryParse("4K", out _));
        Assert.False(ImageSizes.TryParse(null, out _));
    }

    [Fact]
    public void Formats_round_trip_through_their_wire_values_and_know_their_media_types()
    {
        foreach (var format in Enum.GetValues<OutputFormat>())
        {
            Assert.True(OutputFormats.TryParse(format.ToWire(), out var parsed));
            Assert.Equal(format, parsed);
        }

        Assert.Equal(["png", "jpg"], Enum.GetValues<OutputFormat>().Select(f => f.ToWire()));
        Assert.Equal("image/png", OutputFormat.Png.ToMediaType());
        Assert.Equal("image/jpeg", OutputFormat.Jpg.ToMediaType());
        Assert.False(OutputFormats.TryParse("webp", out _));
    }

    [Fact]
    public void Aspect_ratios_parse_only_known_values()
    {
        foreach (var ratio in AspectRatios.All)
        {
            Assert.True(AspectRatios.TryParse(ratio.ToUpperInvariant(), out var parsed));
            Assert.Equal(ratio, parsed);
        }

        Assert.False(AspectRatios.TryParse("1x1x1", out _));
        Assert.False(AspectRatios.TryParse(null, out _));
        Assert.Equal("1:1", AspectRatios.DefaultFor(0));
        Assert.Equal("match_input_image", AspectRatios.DefaultFor(2));
    }
}
