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

    [Fact]
    public void Every_character_of_an_id_is_random()
    {
        // 80 random bits, five per character: each position takes many values. An encoder that lost bits would pin
        // some positions to one character while the ids stayed unique.
        var ids = Enumerable.Range(0, 2_000).Select(_ => GenerationIds.New()).ToList();

        for (var position = 0; position < 16; position++)
        {
            var seen = ids.Select(id => id[position]).Distinct().Count();
            Assert.True(seen >= 24, $"position {position} took only {seen} of 32 characters");
        }
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
