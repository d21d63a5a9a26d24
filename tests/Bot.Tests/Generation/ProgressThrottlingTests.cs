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
        var times = progress.Select(message => message.EditedAt ?? message.CreatedAt).ToList();
        for (var i = 1; i < times.Count; i++)
        {
            Assert.True(
                times[i] - times[i - 1] >= TimeSpan.FromMilliseconds(950),
                $"Progress edits {i - 1} and {i} were only {(times[i] - times[i - 1]).TotalMilliseconds} ms apart.");
        }

        // A 3-second job at no more than one edit per second: the "starting" edit plus at most one per second.
        Assert.InRange(progress.Count, 2, 5);
        Assert.Contains(progress, message => message.Description().Contains('%', StringComparison.Ordinal));
    }
}
