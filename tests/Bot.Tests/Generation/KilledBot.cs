using SeedreamBot.Bot.Hosting;
using SeedreamBot.Bot.Tests.Operations;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Generation;

/// <summary>
/// Crash tests with real kills: the built bot runs as a child process against the harness's fakes and database, is
/// killed with <see cref="System.Diagnostics.Process.Kill(bool)"/> (SIGKILL: no shutdown handler, no dispose, no
/// flush), and the bot is started again in-process on the same database and fakes to see how it recovers.
/// </summary>
internal sealed class KilledBot : IAsyncDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("seedreambot-killed-").FullName;

    private KilledBot(BotHarness fakes) => Fakes = fakes;

    public BotHarness Fakes { get; }

    public RunningBotProcess? Child { get; private set; }

    /// <summary>The fakes and a fresh database; the bot is not running yet.</summary>
    public static async Task<KilledBot> CreateAsync(BotHarnessOptions options) =>
        new(await BotHarness.StartFakesAsync(options).ConfigureAwait(false));

    /// <summary>
    /// Starts the built bot as a child process and waits until it registered its commands and the fake gateway sent it
    /// READY. With <paramref name="failPoint"/> it runs in the Testing environment with that fail point armed.
    /// </summary>
    public async Task StartChildAsync(string? failPoint = null, params (string Name, string Value)[] extra)
    {
        var readies = Fakes.Gateway.GetShardStats().Identifies;
        var registrations = Registrations();
        List<(string, string)> environment = [.. extra];
        if (failPoint is not null)
        {
            environment.Add(("DOTNET_ENVIRONMENT", FailPointArming.EnvironmentName));
            environment.Add(("Testing__FailPoint", failPoint));
        }

        Child = RunningBotProcess.StartAgainst(Fakes, _workDir, [.. environment]);
        try
        {
            await Fakes.Discord.WaitForCallAsync(_ => Registrations() > registrations, TimeSpan.FromSeconds(60)).ConfigureAwait(false);
            await Fakes.Gateway.WaitForReadyAsync(count: readies + 1, timeout: TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException(exception.Message + "\n" + Child.Transcript(), exception);
        }
    }

    /// <summary>Waits until the child stops at the armed fail point, then kills it.</summary>
    public async Task KillAtAsync(string failPoint)
    {
        var child = Child ?? throw new InvalidOperationException("No bot process is running.");
        await child.WaitForLineAsync(line => line == FailPointArming.ReachedMarker + failPoint, $"that it reached {failPoint}", TimeSpan.FromSeconds(60))
            .ConfigureAwait(false);
        await KillAsync().ConfigureAwait(false);
    }

    /// <summary>Kills the child process now, wherever it is.</summary>
    public async Task KillAsync()
    {
        var child = Child ?? throw new InvalidOperationException("No bot process is running.");
        await child.KillAsync().ConfigureAwait(false);
        await child.DisposeAsync().ConfigureAwait(false);
        Child = null;
    }

    /// <summary>Starts the bot again, in-process, on the same database and fakes.</summary>
    public Task RestartAsync() => Fakes.StartBotAsync();

    /// <summary>Waits until the restarted bot has nothing queued or running and no credits held for the member.</summary>
    public async Task<CreditBalance> WaitUntilIdleAsync(ulong userId)
    {
        var scheduler = Fakes.Get<GenerationScheduler>();
        await Eventually.Until(() => scheduler.Running == 0 && scheduler.Waiting == 0, "the queue to be empty", TimeSpan.FromSeconds(30))
            .ConfigureAwait(false);
        return await Eventually.Until(() => Fakes.Balance(userId), balance => balance.Held == 0, $"user {userId}'s hold to end", TimeSpan.FromSeconds(30))
            .ConfigureAwait(false);
    }

    /// <summary>The member's generations, newest first.</summary>
    public IReadOnlyList<GenerationRecord> GenerationsOf(ulong userId) =>
        Fakes.Get<GenerationStore>().ForMember(new CreditScope(BotHarness.GuildId, userId), 0, 10);

    /// <summary>Every upload of a result image to Discord, over every request (a retry counts again).</summary>
    public int ResultUploads() =>
        Fakes.Discord.Calls.Count(call => call.Files.Any(file => file.FileName?.StartsWith("seedream-", StringComparison.Ordinal) == true));

    /// <summary>Messages (originals and channel posts, latest versions) that show an image to the member.</summary>
    public IReadOnlyList<FakeMessage> MessagesWithImages() =>
        [.. Fakes.Discord.Messages(BotHarness.ChannelId).Where(message => message.Attachments.Count > 0)];

    public async ValueTask DisposeAsync()
    {
        if (Child is not null)
        {
            await Child.DisposeAsync().ConfigureAwait(false);
        }

        await Fakes.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private int Registrations() =>
        Fakes.Discord.Calls.Count(call => call.Method == "PUT" && call.Path.Contains("/commands", StringComparison.Ordinal));
}
