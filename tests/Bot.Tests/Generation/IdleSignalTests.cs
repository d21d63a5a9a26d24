using SeedreamBot.Bot.Hosting;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Generation;

/// <summary>
/// The signal tests wait on before asserting that nothing else happened: the bot is idle only once it has taken every
/// event the fake sent and answered it, and every generation it started has ended.
/// </summary>
public sealed class IdleSignalTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync(new BotHarnessOptions
    {
        Apiframe = new FakeApiframeOptions { Mode = FakeJobMode.Manual },
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_running_generation_keeps_the_bot_busy_until_its_image_is_delivered()
    {
        await _bot.WaitForIdleAsync();

        var interaction = await _bot.Discord.SlashCommand("imagine").By(80, "id").WithString("prompt", "a tidy desk").DispatchAsync();

        // Busy from the moment the event is sent, before the bot has even read it.
        Assert.False(_bot.Get<BotActivity>().IsIdleAfter(0, _bot.Gateway.LastSequence()));
        var job = await _bot.Apiframe.WaitForJobAsync();
        await Assert.ThrowsAsync<TimeoutException>(() => _bot.WaitForIdleAsync(TimeSpan.FromSeconds(1)));
        Assert.Equal(1, _bot.Get<BotActivity>().UnfinishedGenerations);

        _bot.Apiframe.CompleteJob(job.Id);
        await _bot.WaitForIdleAsync();

        // Idle means done: the image is there and the credits are settled, with nothing left to wait for.
        Assert.Contains(interaction.OriginalHistory, message => message.Attachments.Count == 1);
        Assert.Equal(0, _bot.Balance(80).Held);
        Assert.Equal(0, _bot.Get<BotActivity>().InteractionsInFlight);
    }
}
