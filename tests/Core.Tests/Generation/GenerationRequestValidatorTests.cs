using SeedreamBot.Core.Generation;

namespace SeedreamBot.Core.Tests.Generation;

public sealed class GenerationRequestValidatorTests
{
    private const string Image = "https://cdn.discordapp.com/attachments/1/2/cat.png?ex=1&is=2&hm=3";

    [Fact]
    public void A_bare_prompt_gets_Seedreams_defaults()
    {
        var result = GenerationRequestValidator.Validate("  a red fox in snow  ");

        Assert.True(result.IsValid, result.ToString());
        Assert.Empty(result.Errors);
        Assert.Equal(new GenerationRequest("a red fox in snow", ImageSize.TwoK, "1:1", OutputFormat.Png, []), result.Request);
    }

    [Fact]
    public void The_default_aspect_ratio_follows_the_input_image_when_there_is_one()
    {
        var result = GenerationRequestValidator.Validate("make it night", inputImageUrls: [Image]);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(AspectRatios.MatchInputImage, result.Request.AspectRatio);
        Assert.Equal([Image], result.Request.InputImageUrls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void An_empty_prompt_is_refused(string? prompt)
    {
        var result = GenerationRequestValidator.Validate(prompt);

        Assert.False(result.IsValid);
        Assert.Null(result.Request);
        Assert.Equal(["Your prompt is empty — describe the image you want."], result.Errors);
    }

    [Fact]
    public void A_prompt_of_exactly_2000_characters_after_trimming_is_accepted()
    {
        var prompt = "  " + new string('a', 2000) + "  ";

        var result = GenerationRequestValidator.Validate(prompt);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(2000, result.Request.Prompt.Length);
    }

    [Fact]
    public void A_prompt_over_2000_characters_is_refused_with_its_length()
    {
        var result = GenerationRequestValidator.Validate(new string('a', 2345));

        Assert.Equal(["Your prompt is 2,345 characters; the limit is 2,000."], result.Errors);
    }

    [Theory]
    [InlineData("2K", ImageSize.TwoK)]
    [InlineData("3k", ImageSize.ThreeK)]
    [InlineData(" 3K ", ImageSize.ThreeK)]
    [InlineData(null, ImageSize.TwoK)]
    [InlineData("", ImageSize.TwoK)]
    public void Sizes_are_read_case_insensitively(string? size, ImageSize expected)
    {
        var result = GenerationRequestValidator.Validate("p", size: size);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(expected, result.Request.Size);
    }

    [Theory]
    [InlineData("4K")]
    [InlineData("1K")]
    [InlineData("2048")]
    public void An_unknown_size_is_refused(string size)
    {
        var result = GenerationRequestValidator.Validate("p", size: size);

        Assert.Equal([$"“{size}” is not a size Seedream offers — choose 2K or 3K."], result.Errors);
    }

    [Theory]
    [InlineData("1:1", "1:1")]
    [InlineData("4:3", "4:3")]
    [InlineData("3:4", "3:4")]
    [InlineData("16:9", "16:9")]
    [InlineData("9:16", "9:16")]
    [InlineData("3:2", "3:2")]
    [InlineData("2:3", "2:3")]
    [InlineData("21:9", "21:9")]
    [InlineData(" 16 : 9 ", "16:9")]
    [InlineData("16x9", "16:9")]
    [InlineData("16X9", "16:9")]
    public void Every_fixed_aspect_ratio_is_accepted(string typed, string expected)
    {
        var result = GenerationRequestValidator.Validate("p", aspectRatio: typed);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(expected, result.Request.AspectRatio);
    }

    [Theory]
    [InlineData("5:4")]
    [InlineData("wide")]
    [InlineData("1:1:1")]
    public void An_unknown_aspect_ratio_is_refused_with_the_list(string typed)
    {
        var result = GenerationRequestValidator.Validate("p", aspectRatio: typed);

        Assert.Equal(
            [$"“{typed}” is not a supported aspect ratio — choose one of 1:1, 4:3, 3:4, 16:9, 9:16, 3:2, 2:3, 21:9, or match_input_image."],
            result.Errors);
    }

    [Fact]
    public void Match_input_image_without_an_input_image_is_refused()
    {
        var result = GenerationRequestValidator.Validate("p", aspectRatio: "match_input_image");

        Assert.Equal(
            ["The aspect ratio match_input_image copies the shape of your first input image, so it needs at least one input image — add one, or pick a ratio such as 1:1."],
            result.Errors);
    }

    [Fact]
    public void Match_input_image_with_an_input_image_is_accepted_case_insensitively()
    {
        var result = GenerationRequestValidator.Validate("p", aspectRatio: "Match_Input_Image", inputImageUrls: [Image]);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("match_input_image", result.Request.AspectRatio);
    }

    [Theory]
    [InlineData("png", OutputFormat.Png)]
    [InlineData("PNG", OutputFormat.Png)]
    [InlineData("jpg", OutputFormat.Jpg)]
    [InlineData("JPEG", OutputFormat.Jpg)]
    [InlineData(".jpg", OutputFormat.Jpg)]
    [InlineData(null, OutputFormat.Png)]
    public void Formats_are_read_case_insensitively(string? format, OutputFormat expected)
    {
        var result = GenerationRequestValidator.Validate("p", format: format);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(expected, result.Request.Format);
    }

    [Fact]
    public void An_unknown_format_is_refused()
    {
        var result = GenerationRequestValidator.Validate("p", format: "gif");

        Assert.Equal(["“gif” is not an output format Seedream offers — choose png or jpg."], result.Errors);
    }

    [Fact]
    public void Fourteen_input_images_are_accepted()
    {
        var urls = Enumerable.Range(1, 14).Select(i => $"https://example.com/{i}.png").ToList();

        var result = GenerationRequestValidator.Validate("blend these", inputImageUrls: urls);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(urls, result.Request.InputImageUrls);
    }

    [Fact]
    public void Fifteen_input_images_are_refused()
    {
        var urls = Enumerable.Range(1, 15).Select(i => $"https://example.com/{i}.png").ToList();

        var result = GenerationRequestValidator.Validate("blend these", inputImageUrls: urls);

        Assert.Equal(["You gave 15 input images; the limit is 14."], result.Errors);
    }

    [Theory]
    [InlineData("ftp://example.com/a.png")]
    [InlineData("example.com/a.png")]
    [InlineData("/relative/a.png")]
    [InlineData("https://exa mple.com/a.png")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    public void An_input_image_that_is_not_an_absolute_http_link_is_refused(string url)
    {
        var result = GenerationRequestValidator.Validate("p", inputImageUrls: ["https://example.com/ok.png", url]);

        Assert.Equal([$"Input image 2 (“{url}”) is not a full http:// or https:// link."], result.Errors);
    }

    [Fact]
    public void A_blank_input_image_is_refused()
    {
        var result = GenerationRequestValidator.Validate("p", inputImageUrls: ["  "]);

        Assert.Equal(["Input image 1 is empty — give a full http:// or https:// link."], result.Errors);
    }

    [Fact]
    public void Input_image_links_are_trimmed_and_kept_as_given()
    {
        var result = GenerationRequestValidator.Validate("p", inputImageUrls: ["  " + Image + "\n"]);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal([Image], result.Request.InputImageUrls);
    }

    [Fact]
    public void Long_bad_values_are_quoted_shortened_and_on_one_line()
    {
        var bad = "x\n" + new string('y', 200);

        var result = GenerationRequestValidator.Validate("p", size: bad);

        var message = Assert.Single(result.Errors);
        Assert.Equal("“x " + new string('y', 58) + "…” is not a size Seedream offers — choose 2K or 3K.", message);
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once_with_images_last()
    {
        var result = GenerationRequestValidator.Validate("", size: "4K", aspectRatio: "5:4", format: "gif", inputImageUrls: ["nope"]);

        Assert.Equal(
            [
                "Your prompt is empty — describe the image you want.",
                "“4K” is not a size Seedream offers — choose 2K or 3K.",
                "“5:4” is not a supported aspect ratio — choose one of 1:1, 4:3, 3:4, 16:9, 9:16, 3:2, 2:3, 21:9, or match_input_image.",
                "“gif” is not an output format Seedream offers — choose png or jpg.",
                "Input image 1 (“nope”) is not a full http:// or https:// link.",
            ],
            result.Errors);
    }

    [Fact]
    public void The_typed_overload_applies_the_same_rules()
    {
        var valid = GenerationRequestValidator.Validate("p", ImageSize.ThreeK, "21:9", OutputFormat.Jpg, null);
        var invalid = GenerationRequestValidator.Validate("p", ImageSize.ThreeK, "match_input_image", OutputFormat.Jpg, []);

        Assert.Equal(new GenerationRequest("p", ImageSize.ThreeK, "21:9", OutputFormat.Jpg, []), valid.Request);
        Assert.False(invalid.IsValid);
        Assert.Throws<ArgumentOutOfRangeException>(() => GenerationRequestValidator.Validate("p", (ImageSize)9, null, OutputFormat.Png, null));
    }
}
