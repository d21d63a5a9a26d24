using SeedreamBot.Core.Guilds;

namespace SeedreamBot.Core.Tests.Guilds;

public sealed class PromptBanListTests
{
    private static readonly PromptBanList List = new(["gore", "red dress", "c++", "nsfw", "Ärger"]);

    [Theory]
    [InlineData("a scene full of gore", "gore")]
    [InlineData("GORE!", "gore")]
    [InlineData("(gore)", "gore")]
    [InlineData("gore", "gore")]
    [InlineData("a woman in a red dress", "red dress")]
    [InlineData("a woman in a RED\t\n  Dress at night", "red dress")]
    [InlineData("learn c++ today", "c++")]
    [InlineData("nsfw_art", "nsfw")]
    [InlineData("ｇｏｒｅ in full-width letters", "gore")]
    [InlineData("go\u200Bre behind a zero-width space", "gore")]
    [InlineData("kein ärger bitte", "Ärger")]
    public void Finds_banned_terms_as_whole_words_in_any_case(string prompt, string term)
    {
        Assert.Equal(term, List.FindBannedTerm(prompt));
    }

    [Theory]
    [InlineData("a gorgeous sunset")]
    [InlineData("gored by a bull")]
    [InlineData("a reddress shop")]
    [InlineData("red and a dress")]
    [InlineData("c+")]
    [InlineData("nsfwish")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Ignores_terms_inside_other_words_and_empty_prompts(string? prompt)
    {
        Assert.Null(List.FindBannedTerm(prompt));
    }

    [Fact]
    public void An_empty_list_matches_nothing()
    {
        Assert.Null(new PromptBanList([]).FindBannedTerm("anything at all"));
    }

    [Fact]
    public void The_longest_term_wins_when_terms_overlap()
    {
        var list = new PromptBanList(["red", "red dress"]);

        Assert.Equal("red dress", list.FindBannedTerm("a red dress"));
        Assert.Equal("red", list.FindBannedTerm("a red hat"));
    }

    [Theory]
    [InlineData("", "The term is empty.")]
    [InlineData("   ", "The term is empty.")]
    [InlineData("!!!", "The term needs at least one letter or digit.")]
    [InlineData("___", "The term needs at least one letter or digit.")]
    public void Invalid_terms_are_explained(string term, string problem)
    {
        Assert.Equal(problem, PromptBanList.Problem(term));
    }

    [Fact]
    public void Terms_are_trimmed_collapsed_and_deduplicated()
    {
        var list = new PromptBanList(["  red   dress ", "RED DRESS", "", "!!"]);

        Assert.Equal(["red dress"], list.Terms);
        Assert.Equal("The term is too long (101 characters; at most 100).", PromptBanList.Problem(new string('x', 101)));
    }
}
