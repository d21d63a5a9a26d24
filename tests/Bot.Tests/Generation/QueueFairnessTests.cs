using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Generation;

public sealed class QueueFairnessTests
{
    [Fact]
    public async Task Waiting_members_see_their_place_and_take_turns_instead_of_first_come_first_served()
    {
        await using var bot = await BotHarness.StartAsync(new BotHarnessOptions
        {
            Apiframe = new FakeApiframeOptions { Mode = FakeJobMode.Manual },
            Settings =
            {
                ["Apiframe:MaxConcurrentJobs"] = "1",
                ["Generation:MaxJobsPerUser"] = "1",
                ["Generation:MaxQueuedPerUser"] = "5",
            },
        });

        // Alice asks three times before Bob asks once.
        var alice = new List<FakeInteraction>();
        for (var i = 1; i <= 3; i++)
        {
            alice.Add(await Ask(bot, 80, "alice " + i, unfinished: i));
            await bot.Apiframe.WaitForJobsCreatedAsync(1);
        }

        var bob = await Ask(bot, 81, "bob 1", unfinished: 1);

        // Alice's first runs; then Bob is second in line, ahead of Alice's later requests.
        // Earlier announcements may show the line before Bob joined; each message is updated as places change.
        var bobWaiting = await bob.WaitForOriginalAsync(message => IsWaitingAt(message, "**#2** of 3"));
        Assert.Contains("ready in about", bobWaiting.Description(), StringComparison.Ordinal);
        await alice[2].WaitForOriginalAsync(message => IsWaitingAt(message, "**#3** of 3"));

        // Finish each job as it comes; the order Apiframe sees them in is the fair order.
        for (var done = 1; done <= 4; done++)
        {
            await bot.Apiframe.WaitForJobsCreatedAsync(done);
            var running = bot.Apiframe.Jobs.Single(job => job.Status is "QUEUED" or "PROCESSING");
            bot.Apiframe.CompleteJob(running.Id);
        }

        await Task.WhenAll([.. alice.Select(i => i.WaitForResultAsync()), bob.WaitForResultAsync()]);
        var order = bot.GenerateBodies().Select(body => body["prompt"]!.GetValue<string>()).ToList();
        Assert.Equal(["alice 1", "alice 2", "bob 1", "alice 3"], order);
    }

    private static bool IsWaitingAt(FakeMessage message, string place) =>
        GenerationTestKit.HasTitle(message, "Waiting in line") && message.Description().Contains(place, StringComparison.Ordinal);

    /// <summary>
    /// Asks, then waits until the request is in the queue: the deferral goes out before the credits are held and the
    /// generation is queued, so on a busy machine the next member's request could otherwise be queued first.
    /// </summary>
    private static async Task<FakeInteraction> Ask(BotHarness bot, ulong userId, string prompt, int unfinished)
    {
        var interaction = await bot.Discord.SlashCommand("imagine").By(userId, "member" + userId).WithString("prompt", prompt).DispatchAsync();
        await interaction.WaitForInitialResponseAsync();
        var member = new CreditScope(BotHarness.GuildId, userId);
        await Eventually.Until(
            () => bot.Get<GenerationScheduler>().UnfinishedFor(member),
            count => count == unfinished,
            $"{prompt} to be queued");
        return interaction;
    }
}
