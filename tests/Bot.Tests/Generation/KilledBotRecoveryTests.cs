using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Generation;

/// <summary>
/// The built bot is killed (SIGKILL) at moments seen only from outside, through the fakes, and started again on the
/// same database and fakes: a crash never loses an image and never charges twice.
/// </summary>
[Collection(CrashTestCollection.Name)]
public sealed class KilledBotRecoveryTests : IAsyncLifetime
{
    private KilledBot _bot = null!;

    public async Task InitializeAsync() => _bot = await KilledBot.CreateAsync(new BotHarnessOptions
    {
        Apiframe = new FakeApiframeOptions { Mode = FakeJobMode.Manual },
        Settings = { ["Logging:LogLevel:Default"] = "Information" },
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Killed_between_submit_and_completion_delivers_exactly_once_and_charges_exactly_once()
    {
        await _bot.StartChildAsync();
        var interaction = await _bot.Fakes.Discord.SlashCommand("imagine").By(70, "ka").WithString("prompt", "a comet over hills").DispatchAsync();
        await _bot.Fakes.Apiframe.WaitForJobsCreatedAsync(1);
        var jobId = _bot.Fakes.Apiframe.Jobs.Single().Id;

        // The job id is saved before this line is written, and the bot polls from then on.
        await _bot.Child!.WaitForLineAsync(line => line.Contains($"submitted as Apiframe job {jobId}", StringComparison.Ordinal), "the submission");
        await _bot.Fakes.Apiframe.WaitForPollsAsync(jobId, 1);
        await _bot.KillAsync();
        _bot.Fakes.Apiframe.CompleteJob(jobId);
        await _bot.RestartAsync();

        var result = await interaction.WaitForResultAsync();
        var balance = await _bot.WaitUntilIdleAsync(70);
        Assert.Equal(36, balance.Available);
        Assert.Equal(1, balance.ImagesMade);
        Assert.Equal(1, _bot.Fakes.Apiframe.JobsCreated);
        Assert.Equal(1, _bot.ResultUploads());
        Assert.Single(interaction.OriginalHistory, message => message.Attachments.Count > 0);
        Assert.Equal(GenerationState.Delivered, _bot.Fakes.Generation(result.GenerationId()).State);

        // The server's pool took the same hold and settled it once too: members and server agree.
        var pool = _bot.Fakes.Get<ICreditLedger>().PeekServerPool(BotHarness.GuildId);
        Assert.Equal((4L, 0L), (pool.Spent, pool.Held));
        Assert.Empty(_bot.Fakes.Get<CreditLedgerAudit>().FindProblems());
    }

    [Fact]
    public async Task Killed_before_submission_resubmits_with_the_same_idempotency_key_and_pays_once()
    {
        // Apiframe accepts the job but the answer never comes: the bot cannot know the job exists.
        _bot.Fakes.Apiframe.InjectFault(FakeRoute.Generate, FakeFault.Hang(afterProcessing: true));
        await _bot.StartChildAsync();
        var interaction = await _bot.Fakes.Discord.SlashCommand("imagine").By(71, "kb").WithString("prompt", "a quiet harbour").DispatchAsync();
        await _bot.Fakes.Apiframe.WaitForJobsCreatedAsync(1);

        await _bot.KillAsync();
        _bot.Fakes.Apiframe.ClearFaults();
        await _bot.RestartAsync();
        await Eventually.Until(() => _bot.Fakes.Apiframe.GenerateCalls >= 2, "the resubmission");
        _bot.Fakes.Apiframe.CompleteJob(_bot.Fakes.Apiframe.Jobs.Single().Id);

        await interaction.WaitForResultAsync();
        var balance = await _bot.WaitUntilIdleAsync(71);
        Assert.Equal(1, _bot.Fakes.Apiframe.JobsCreated);
        var keys = _bot.Fakes.Apiframe.RequestsTo(FakeRoute.Generate).Select(request => request.Header("Idempotency-Key")).Distinct().ToList();
        Assert.Single(keys);
        Assert.Equal(36, balance.Available);
        Assert.Equal(1, _bot.ResultUploads());
    }
}
