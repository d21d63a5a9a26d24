using SeedreamBot.Bot.Generation;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Bot.Tests.Generation;

public sealed class GenerationMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_result_embed_shows_every_detail_in_English()
    {
        var embed = GenerationMessages.Result(Generation("en-US"), Result(), "seedream-abc.png", "seedream-5-lite", BotCultures.For("en-US"));

        Assert.Equal("✨ Here's your image", embed.Title);
        Assert.Equal("attachment://seedream-abc.png", embed.Image!.Url);
        var fields = embed.Fields!.ToDictionary(field => field.Name, field => field.Value);
        Assert.Equal("3K", fields["Size"]);
        Assert.Equal("9:16 · tall, for phones", fields["Aspect"]);
        Assert.Equal("JPG", fields["Format"]);
        Assert.Equal("2 images", fields["Inputs"]);
        Assert.Equal("6 credits", fields["Cost"]);
        Assert.Equal("1 credit", fields["Balance after"]);
        Assert.Equal("14 seconds", fields["Took"]);
        Assert.Equal("Ada", embed.Author!.Name);
    }

    [Fact]
    public void German_members_get_German_text_and_German_Humanizer_output()
    {
        var culture = BotCultures.For("de");
        var embed = GenerationMessages.Result(Generation("de"), Result(), "x.png", "seedream-5-lite", culture);

        Assert.Equal("✨ Hier ist dein Bild", embed.Title);
        var fields = embed.Fields!.ToDictionary(field => field.Name, field => field.Value);
        Assert.Equal("6 Credits", fields["Kosten"]);
        Assert.Equal("2 Bilder", fields["Eingaben"]);
        Assert.Equal("14 Sekunden", fields["Dauer"]);
        Assert.Equal("9:16 · hoch, fürs Handy", fields["Seitenverhältnis"]);
    }

    [Fact]
    public void Unknown_locales_fall_back_to_English()
    {
        Assert.Equal("en-US", BotCultures.For("xx-YY").Name);
        Assert.Equal("en-US", BotCultures.For(null).Name);
        Assert.Equal("es-MX", BotCultures.For("es-419").Name);
    }

    [Fact]
    public void A_failure_always_ends_by_saying_the_member_was_not_charged()
    {
        var failure = GenerationFailure.FromApiframe(new ApiframeFailure(ApiframeFailureKind.TimedOut, "timeout"));

        var message = GenerationMessages.Failure(Generation("en-US"), failure, Balance(40), TimeSpan.FromMinutes(5), BotCultures.English);

        var text = message.Embeds![0].Description!;
        Assert.Contains("didn't finish within 5 minutes", text, StringComparison.Ordinal);
        Assert.Contains("**You were not charged.** You have 40 credits.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Operator_problems_are_not_blamed_on_the_member()
    {
        var failure = GenerationFailure.FromApiframe(new ApiframeFailure(ApiframeFailureKind.InsufficientCredits, "Insufficient credits"));

        var text = FailureReasons.Explain(failure, TimeSpan.FromMinutes(5), BotCultures.English);

        Assert.Equal("The bot's Apiframe account is out of credits. The people running the bot have been told.", text);
    }

    [Fact]
    public void Not_enough_credits_says_what_it_costs_what_the_member_has_and_when_it_refills()
    {
        var refusal = new StartRefusal(StartRefusalKind.InsufficientCredits, 4, Balance(3) with { NextRefill = Now.AddHours(5) });

        var text = RefusalText.Explain(refusal, Now, BotCultures.English);

        Assert.Equal(
            "This image costs 4 credits, and you have 3 credits. Your allowance of 40 credits refills 5 hours from now. You were not charged.",
            text);
    }

    [Fact]
    public void The_progress_bar_fills_in_tenths()
    {
        Assert.Equal("▱▱▱▱▱▱▱▱▱▱ 0%", ProgressBar.Render(0));
        Assert.Equal("▰▰▰▱▱▱▱▱▱▱ 30%", ProgressBar.Render(30));
        Assert.Equal("▰▰▰▰▰▰▰▰▰▰ 100%", ProgressBar.Render(140));
    }

    [Fact]
    public void A_re_encoded_result_says_what_was_done_and_links_the_original()
    {
        var embed = GenerationMessages.Result(Generation("en-US"), Reencoded(), "seedream-abc.jpg", "seedream-5-lite", BotCultures.English);

        Assert.Equal("attachment://seedream-abc.jpg", embed.Image!.Url);
        Assert.Contains("Re-encoded from PNG 18.4 MB to JPEG 7.9 MB to fit this channel.", embed.Description, StringComparison.Ordinal);
        Assert.Contains("[Original PNG](https://cdn2.apiframe.ai/images/r-1.png)", embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scaled_result_also_says_its_new_size_in_the_members_language()
    {
        var embed = GenerationMessages.Result(Generation("de"), Reencoded(3072, 1728), "x.jpg", "seedream-5-lite", BotCultures.For("de"));

        Assert.Contains("Neu kodiert von PNG 18,4 MB zu JPEG 7,9 MB und auf 3.072 × 1.728 Pixel verkleinert", embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_that_fit_as_it_was_has_no_note()
    {
        var embed = GenerationMessages.Result(Generation("en-US"), Result(), "x.png", "seedream-5-lite", BotCultures.English);

        Assert.DoesNotContain("Re-encoded", embed.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.example", embed.Description, StringComparison.Ordinal);
    }

    private static GenerationRecord Generation(string locale) => new()
    {
        Id = "0123456789abcdef",
        Prompt = "a heron",
        Size = ImageSize.ThreeK,
        AspectRatio = "9:16",
        Format = OutputFormat.Jpg,
        InputImageUrls = ["https://cdn/a.png", "https://cdn/b.png"],
        Cost = 6,
        Target = new DeliveryTarget { Locale = locale, RequesterName = "Ada" },
    };

    private static GenerationResult Result() =>
        new(new Uri("https://cdn.example/r.png"), new DownloadedImage(new byte[10], "image/png", "r.png"), null, Balance(1), TimeSpan.FromSeconds(14.2));

    /// <summary>A 4096 × 2304 PNG of 18.4 MB delivered as a 7.9 MB JPEG (only the headers matter to the note).</summary>
    private static GenerationResult Reencoded(int width = 4096, int height = 2304)
    {
        var png = Fakes.Apiframe.FakeImages.Png(1, 1);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 4096);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 2304);
        var original = new byte[18_400_000];
        png.CopyTo(original, 0);
        var jpeg = new byte[7_900_000];
        Fakes.Apiframe.FakeImages.Jpeg(width, height).CopyTo(jpeg, 0);
        return new GenerationResult(
            new Uri("https://cdn2.apiframe.ai/images/r-1.png"),
            new DownloadedImage(jpeg, "image/jpeg", "r.jpg"),
            new DownloadedImage(original, "image/png", "r.png"),
            Balance(1),
            TimeSpan.FromSeconds(14.2));
    }

    private static CreditBalance Balance(int available) =>
        new(new CreditScope(1, 2), available, 40, 0, 0, RefillPeriod.Daily, null, 0, 0, false, null);
}
