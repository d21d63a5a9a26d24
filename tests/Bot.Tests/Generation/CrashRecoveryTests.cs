using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Generation;

/// <summary>A crash or restart mid-job never loses an image and never charges twice.</summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync(new BotHarnessOptions
    {
        Apiframe = new FakeApiframeOptions { Mode = FakeJobMode.Manual },
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Killed_between_submit_and_completion_delivers_exactly_once_and_charges_exactly_once()
    {
        var interaction = await _bot.Discord.SlashCommand("imagine").By(70, "ka").WithString("prompt", "a comet over hills").DispatchAsync();
        await _bot.Apiframe.WaitForJobsCreatedAsync(1);
        var jobId = _bot.Apiframe.Jobs.Single().Id;
        await Eventually.Until(() => _bot.Get<GenerationStore>().Unfinished().Any(g => g.State == GenerationState.Submitted), "the submission to be saved");

        await _bot.KillBotAsync();
        _bot.Apiframe.CompleteJob(jobId);
        await _bot.StartBotAsync();

        var result = await interaction.WaitForResultAsync();
        var balance = await _bot.SettledBalanceAsync(70);
        Assert.Equal(36, balance.Available);
        Assert.Equal(1, balance.ImagesMade);
        Assert.Equal(1, _bot.Apiframe.JobsCreated);

        // Give a duplicate delivery the time to show up before asserting there is none.
        await Task.Delay(300);
        Assert.Single(interaction.OriginalHistory, message => message.Attachments.Count > 0);
        Assert.Equal(GenerationState.Delivered, _bot.Generation(result.GenerationId()).State);

        // The server's pool took the same hold and settled it once too: members and server agree.
        var pool = _bot.Get<ICreditLedger>().PeekServerPool(BotHarness.GuildId);
        Assert.Equal((4L, 0L), (pool.Spent, pool.Held));
        Assert.Empty(_bot.Get<CreditLedgerAudit>().FindProblems());
    }

    [Fact]
    public async Task Killed_before_submission_resubmits_with_the_same_idempotency_key_and_pays_once()
    {
        // Apiframe accepts the job but the answer is lost: the bot cannot know the job exists.
        _bot.Apiframe.InjectFault(FakeRoute.Generate, FakeFault.Hang(afterProcessing: true));
        var interaction = await _bot.Discord.SlashCommand("imagine").By(71, "kb").WithString("prompt", "a quiet harbour").DispatchAsync();
        await _bot.Apiframe.WaitForJobsCreatedAsync(1);

        await _bot.KillBotAsync();
        _bot.Apiframe.ClearFaults();
        await _bot.StartBotAsync();
        await Eventually.Until(() => _bot.Apiframe.GenerateCalls >= 2, "the resubmission");
        _bot.Apiframe.CompleteJob(_bot.Apiframe.Jobs.Single().Id);

        await interaction.WaitForResultAsync();
        Assert.Equal(1, _bot.Apiframe.JobsCreated);
        var keys = _bot.Apiframe.RequestsTo(FakeRoute.Generate).Select(request => request.Header("Idempotency-Key")).Distinct().ToList();
        Assert.Single(keys);
        Assert.Equal(36, (await _bot.SettledBalanceAsync(71)).Available);
    }

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
