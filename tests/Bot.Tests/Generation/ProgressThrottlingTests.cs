using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Generation;

public sealed class ProgressThrottlingTests
{
    [Fact]
    public async Task Progress_edits_are_at_least_the_configured_interval_apart()
    {
        await using var bot = await BotHarness.StartAsync(new BotHarnessOptions
        {
            Apiframe = new FakeApiframeOptions { JobDuration = TimeSpan.FromSeconds(3) },
            Settings = { ["Generation:ProgressUpdateInterval"] = "00:00:01" },
        });

        var interaction = await bot.Discord.SlashCommand("imagine").By(47, "fi").WithString("prompt", "slow clouds").DispatchAsync();
        await interaction.WaitForResultAsync();

        var progress = interaction.OriginalHistory
            .Where(message => GenerationTestKit.HasTitle(message, "Creating your image"))
            .ToList();
        // Measured on arrival at the fake: the bot counts the interval from the moment the previous edit was answered,
        // which is after it arrived, so a loaded machine can only widen these gaps, never narrow them.
        var times = progress.Select(message => message.EditedAt ?? message.CreatedAt).ToList();
        for (var i = 1; i < times.Count; i++)
        {
            Assert.True(
                times[i] - times[i - 1] >= TimeSpan.FromMilliseconds(950),
                $"Progress edits {i - 1} and {i} were only {(times[i] - times[i - 1]).TotalMilliseconds} ms apart.");
        }

        // The "starting" edit, then at most one per second of the job as the bot saw it (however long a loaded
        // machine made it), and at least one with a percentage.
        var seen = times[^1] - times[0];
        Assert.InRange(progress.Count, 2, 2 + (int)seen.TotalSeconds);
        Assert.Contains(progress, message => message.Description().Contains('%', StringComparison.Ordinal));
    }
}
