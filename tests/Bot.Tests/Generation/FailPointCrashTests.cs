using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Reliability;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Generation;

/// <summary>
/// The built bot is killed (SIGKILL) at each of the eight fail points of a generation, then started again on the same
/// database and fakes. Whatever the moment, the member ends with the image once and paid once, or with no image, paid
/// nothing and told so; Apiframe never gets a second job and Discord never a second upload.
/// </summary>
[Collection(CrashTestCollection.Name)]
public sealed class FailPointCrashTests
{
    private const ulong User = 81;

    public static TheoryData<string> Points => [.. FailPointNames.All];

    [Theory]
    [MemberData(nameof(Points))]
    public async Task Killed_at_a_fail_point_the_member_gets_the_image_once_and_pays_once_or_gets_none_pays_nothing_and_is_told(string point)
    {
        await using var bot = await KilledBot.CreateAsync(new BotHarnessOptions
        {
            Apiframe = new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(500) },
            Settings = { ["Logging:LogLevel:Default"] = "Information" },
        });
        await bot.StartChildAsync(point);

        var interaction = await bot.Fakes.Discord.SlashCommand("imagine").By(User, "kim").WithString("prompt", "a lantern in fog").DispatchAsync();
        await bot.KillAtAsync(point);
        await bot.RestartAsync();
        var balance = await bot.WaitUntilIdleAsync(User);

        var generation = Assert.Single(bot.GenerationsOf(User));
        var original = interaction.Original ?? throw new InvalidOperationException("The interaction was never answered.");
        Assert.True(bot.Fakes.Apiframe.JobsCreated <= 1, $"{bot.Fakes.Apiframe.JobsCreated} Apiframe jobs");
        Assert.True(bot.ResultUploads() <= 1, $"{bot.ResultUploads()} uploads of the image");
        if (StartedBeforeTheKill(point))
        {
            // Finished: the image once, where the member asked, paid once.
            Assert.Equal(GenerationState.Delivered, generation.State);
            Assert.Equal(1, bot.ResultUploads());
            Assert.Equal(1, bot.Fakes.Apiframe.JobsCreated);
            var shown = Assert.Single(bot.MessagesWithImages());
            Assert.Equal(original.Id, shown.Id);
            Assert.True(GenerationTestKit.HasTitle(original, "Here's your"), original.Content);
            Assert.Equal(36, balance.Available);
            Assert.Equal(1, balance.ImagesMade);
        }
        else
        {
            // Ended: no image, nothing paid, and the "thinking…" message says why.
            Assert.Equal(GenerationState.Failed, generation.State);
            Assert.Empty(bot.MessagesWithImages());
            Assert.Equal(0, bot.Fakes.Apiframe.GenerateCalls);
            Assert.True(GenerationTestKit.HasTitle(original, "No image this time"), original.Content);
            Assert.Contains("The bot restarted before this could start.", original.Description(), StringComparison.Ordinal);
            Assert.Contains("You were not charged.", original.Description(), StringComparison.Ordinal);
            Assert.Equal(40, balance.Available);
            Assert.Equal(0, balance.ImagesMade);
        }

        // The server's pool agrees with the member: the same hold, settled or released once.
        var pool = bot.Fakes.Get<ICreditLedger>().PeekServerPool(BotHarness.GuildId);
        Assert.Equal((StartedBeforeTheKill(point) ? 4L : 0L, 0L), (pool.Spent, pool.Held));
        Assert.Empty(bot.Fakes.Get<CreditLedgerAudit>().FindProblems());
    }

    // Before the hold is queued the request has not started: it is ended. From the queued state on it is finished.
    private static bool StartedBeforeTheKill(string point) => point is not (FailPointNames.AfterAck or FailPointNames.AfterHold);
}
