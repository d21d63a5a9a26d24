using System.Text.Json;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Tests.Seedream;

public sealed class JobResultParserTests
{
    [Theory]
    [InlineData("""{"images":["https://cdn2.apiframe.ai/images/a-1.png","https://cdn2.apiframe.ai/images/a-2.png"],"gridUrl":"https://cdn2.apiframe.ai/images/a-grid.png"}""", 2)]
    [InlineData("\"https://cdn.apiframe.ai/results/a1b2c3d4.png\"", 1)]
    [InlineData("""["https://cdn/x.png","http://cdn/y.png"]""", 2)]
    [InlineData("""{"images":[]}""", 0)]
    [InlineData("""{"images":"https://cdn/x.png"}""", 0)]
    [InlineData("""{"videoUrl":"https://cdn/x.mp4"}""", 0)]
    [InlineData("""["not a url", 3, null, "ftp://cdn/x.png", "https://cdn/ok.png"]""", 1)]
    [InlineData("null", 0)]
    [InlineData("42", 0)]
    public void Every_documented_shape_is_read_and_anything_unusable_is_dropped(string json, int expected)
    {
        using var document = JsonDocument.Parse(json);

        var urls = JobResultParser.ImageUrls(document.RootElement);

        Assert.Equal(expected, urls.Count);
        Assert.All(urls, u => Assert.True(u.Scheme is "https" or "http"));
    }

    [Fact]
    public void No_result_is_no_images() => Assert.Empty(JobResultParser.ImageUrls(null));
}
