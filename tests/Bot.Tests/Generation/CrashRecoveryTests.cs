using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Generation;

/// <summary>
/// A restart mid-job never loses an image and never charges twice. (Crashes are real kills of the built bot: see
/// <see cref="KilledBotRecoveryTests"/> and <see cref="FailPointCrashTests"/>.)
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync(new BotHarnessOptions
    {
        Apiframe = new FakeApiframeOptions { Mode = FakeJobMode.Manual },
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_graceful_restart_resumes_a_running_job_and_delivers_it()
    {
        var interaction = await _bot.Discord.SlashCommand("imagine").By(72, "kc").WithString("prompt", "a paper boat").DispatchAsync();
        await _bot.Apiframe.WaitForJobsCreatedAsync(1);
        await Eventually.Until(() => _bot.Get<GenerationStore>().Unfinished().Any(g => g.State == GenerationState.Submitted), "the submission to be saved");

        await _bot.StopBotAsync();
        await _bot.StartBotAsync();

        // The hold survived the restart: the member is not charged yet, and not refunded either; nor is the server.
        Assert.Equal(4, _bot.Balance(72).Held);
        Assert.Equal(4, _bot.Get<ICreditLedger>().PeekServerPool(BotHarness.GuildId).Held);
        _bot.Apiframe.CompleteJob(_bot.Apiframe.Jobs.Single().Id);

        await interaction.WaitForResultAsync();
        Assert.Equal(36, (await _bot.SettledBalanceAsync(72)).Available);
    }

    [Fact]
    public async Task A_command_while_stopping_is_answered_with_restarting_and_costs_nothing()
    {
        var generations = _bot.Get<GenerationService>();
        generations.StopAccepting();

        var interaction = await _bot.Discord.SlashCommand("imagine").By(73, "kd").WithString("prompt", "late request").DispatchAsync();
        var reply = await interaction.WaitForPrivateReplyAsync();

        Assert.Contains("restarting", reply, StringComparison.Ordinal);
        Assert.Equal(40, _bot.Balance(73).Available);
        Assert.Equal(0, _bot.Apiframe.GenerateCalls);
    }
}
