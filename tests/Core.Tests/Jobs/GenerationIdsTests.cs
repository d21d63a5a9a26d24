using SeedreamBot.Core.Jobs;

namespace SeedreamBot.Core.Tests.Jobs;

public sealed class GenerationIdsTests
{
    [Fact]
    public void New_ids_are_sixteen_url_safe_characters_and_unique()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => GenerationIds.New()).ToList();

        Assert.All(ids, id => Assert.True(GenerationIds.IsValid(id), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef0")]
    [InlineData("0123456789abcdeI")]
    [InlineData("../../etc/passwd")]
    public void Rejects_anything_that_is_not_a_generation_id(string? candidate)
    {
        Assert.False(GenerationIds.IsValid(candidate));
    }
}
