using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Operations;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Servers;
using SeedreamBot.Core.Storage;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Generation;

/// <summary>
/// Over the wire, against a fake Discord that misbehaves: a slow progress edit, an upload Discord applied but did not
/// confirm, an upload it never got, a slow log channel, a slow disk that lets the safety net answer first, and a burst
/// of interactions beyond the concurrency bound. Every one ends right.
/// </summary>
public sealed class FailurePathEndToEndTests
{
    private const ulong User = 91;

    // One REST attempt of at most a second, so a slow Discord is seen as a timeout quickly.
    private static readonly Dictionary<string, string?> ImpatientClient = new()
    {
        ["Discord:RequestTimeout"] = "00:00:01",
        ["Discord:MaxRetries"] = "0",
    };

    [Fact]
    public async Task A_progress_edit_that_times_out_does_not_fail_the_job()
    {
        await using var bot = await StartAsync(new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(1500) });
        bot.Discord.InjectFault(IsProgressEdit, FakeDiscordFault.Slow(TimeSpan.FromSeconds(3)));

        var interaction = await Imagine(bot);
        var result = await interaction.WaitForResultAsync();

        Assert.True(bot.Discord.FaultsMet >= 1, "no progress edit met the slow Discord");
        Assert.Single(result.Attachments);
        Assert.Equal(36, (await bot.SettledBalanceAsync(User)).Available);
        Assert.Equal(GenerationState.Delivered, bot.Generation(result.GenerationId()).State);
        Assert.DoesNotContain(bot.Logs.Lines, line => line.Message.Contains("broke unexpectedly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_upload_Discord_applied_but_answered_with_a_500_is_found_and_settled_once()
    {
        await using var bot = await StartAsync();
        bot.Discord.InjectFault(IsResultUpload, FakeDiscordFault.ApplyThenFail(500), times: 1);

        var interaction = await Imagine(bot);
        var balance = await FinishedAsync(bot);

        Assert.Equal(36, balance.Available);
        Assert.Equal(1, balance.ImagesMade);
        Assert.Equal(1, Uploads(bot));
        var original = interaction.Original!;
        Assert.True(GenerationTestKit.HasTitle(original, "Here's your"));
        Assert.Single(original.Attachments);
        Assert.Equal(GenerationState.Delivered, bot.Generation(original.GenerationId()).State);
        Assert.Contains(bot.Logs.Lines, line => line.Message.Contains("but Discord shows it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_upload_Discord_never_got_is_released_and_the_failure_edit_removes_any_attachment()
    {
        await using var bot = await StartAsync();
        bot.Discord.InjectFault(IsResultUpload, FakeDiscordFault.Slow(TimeSpan.FromSeconds(3)), times: 1);

        var interaction = await Imagine(bot);
        var failure = await interaction.WaitForFailureAsync();
        var balance = await FinishedAsync(bot);

        Assert.Equal(40, balance.Available);
        Assert.Empty(failure.Attachments);
        Assert.Contains("You were not charged", failure.Description(), StringComparison.Ordinal);
        var failureEdit = bot.Discord.Calls.Last(call => call.Method == "PATCH" && call.Route.EndsWith("/@original", StringComparison.Ordinal));
        Assert.Empty(Assert.IsType<JsonArray>(failureEdit.Json!["attachments"]));
    }

    [Fact]
    public async Task After_the_token_expired_an_unclear_channel_post_is_found_in_the_channel_and_settled_once()
    {
        // The token dies while the job runs, so the result goes to the channel, whose answer is lost.
        await using var bot = await StartAsync(
            new FakeApiframeOptions { JobDuration = TimeSpan.FromMilliseconds(2500) },
            new FakeDiscordOptions { TokenLifetime = TimeSpan.FromSeconds(2) });
        bot.Discord.InjectFault(
            call => call.Method == "POST" && call.Route == "/channels/{channel_id}/messages" && call.IsMultipart,
            FakeDiscordFault.ApplyThenFail(502),
            times: 1);

        await Imagine(bot);
        var balance = await FinishedAsync(bot);

        Assert.Equal(36, balance.Available);
        Assert.Equal(1, Uploads(bot));
        var posted = Assert.Single(bot.Discord.Messages(BotHarness.ChannelId), message => message.Attachments.Count > 0);
        Assert.Equal(posted.Id, bot.Generation(posted.GenerationId()).ResultMessageId);
        Assert.DoesNotContain(bot.Discord.Messages(BotHarness.ChannelId), message => GenerationTestKit.HasTitle(message, "No image this time"));
        Assert.Contains(bot.Discord.Calls, call => call.Method == "GET" && call.Route == "/channels/{channel_id}/messages");
    }

    [Fact]
    public async Task An_alert_post_that_times_out_does_not_stop_the_host_and_the_next_alert_is_posted()
    {
        const ulong OperatorChannel = 1100000000000000778;
        await using var bot = await StartAsync();
        bot.Get<IServerStore>().SetAlertChannel(OperatorChannel, FakeDiscordServer.DefaultUserId);
        bot.Discord.InjectFault(
            call => call.Method == "POST" && call.Path.Contains(OperatorChannel.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            FakeDiscordFault.Slow(TimeSpan.FromSeconds(3)),
            times: 1);
        var alerts = bot.Get<LogChannelAlerts>();

        alerts.Raise(new OperatorAlert(OperatorAlertKind.ApiKeyRejected, "first alert", BotHarness.GuildId));
        await Eventually.Until(() => bot.Discord.FaultsMet == 1, "the alert post to meet the slow Discord");
        alerts.Raise(new OperatorAlert(OperatorAlertKind.ApiframeOutOfCredits, "second alert", BotHarness.GuildId));

        await bot.Discord.WaitForMessageAsync(OperatorChannel, message => message.Embeds.ToJsonString().Contains("second alert", StringComparison.Ordinal));
        Assert.False(alerts.ExecuteTask!.IsCompleted);
        Assert.False(bot.Get<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
    }

    [Fact]
    public async Task When_a_slow_disk_lets_the_safety_net_answer_first_the_request_continues_from_its_deferral()
    {
        await using var bot = await StartAsync();
        using var disk = DiskStall.Begin(bot);

        var interaction = await Imagine(bot);
        var first = await interaction.WaitForInitialResponseAsync(TimeSpan.FromSeconds(10));
        disk.Release();
        var result = await interaction.WaitForResultAsync();

        Assert.True(first.IsDeferred);
        Assert.Single(bot.Discord.Calls, call => call.Route.EndsWith("/callback", StringComparison.Ordinal));
        Assert.Contains(bot.Logs.Lines, line => line.Message.Contains("was not answered within the safety-net delay", StringComparison.Ordinal));
        Assert.Empty(interaction.Followups);
        Assert.Equal(36, (await bot.SettledBalanceAsync(User)).Available);
        Assert.Equal(GenerationState.Delivered, bot.Generation(result.GenerationId()).State);
    }

    [Fact]
    public async Task When_the_safety_net_answers_a_message_command_first_the_member_is_told_to_try_again_instead_of_an_error()
    {
        await using var bot = await StartAsync();
        var target = bot.Discord.AddUserMessage(BotHarness.ChannelId, "look", [new FakeUpload(GenerationTestKit.SmallPng(3), "cat.png")]);
        using var disk = DiskStall.Begin(bot);

        var command = await bot.Discord.MessageCommand("Edit with Seedream").Targeting(target).By(User, "me").DispatchAsync();
        var first = await command.WaitForInitialResponseAsync(TimeSpan.FromSeconds(10));
        disk.Release();
        var reply = await command.WaitForOriginalAsync(message => !message.IsLoading);

        Assert.True(first.IsDeferred);
        Assert.True(reply.IsEphemeral);
        Assert.Contains("took me too long to open the form", reply.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Logs.Lines, line => line.Message.Contains("Interaction Edit with Seedream failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interactions_beyond_the_concurrency_bound_wait_in_line_and_are_all_answered()
    {
        await using var bot = await StartAsync(settings: new() { ["Interactions:MaxConcurrent"] = "2" });
        var dispatcher = bot.Get<IEnumerable<IHostedService>>().OfType<InteractionDispatcher>().Single();

        // The first two answers are held up at Discord, so both slots stay taken while three more arrive.
        bot.Discord.InjectFault(call => call.Route.EndsWith("/callback", StringComparison.Ordinal), FakeDiscordFault.Slow(TimeSpan.FromSeconds(1.5)), times: 2);
        var interactions = new List<FakeInteraction>();
        for (var i = 0; i < 2; i++)
        {
            interactions.Add(await bot.Discord.SlashCommand("credits").By(200 + (ulong)i, "m" + i).DispatchAsync());
        }

        await Eventually.Until(() => bot.Discord.FaultsMet == 2, "both slots to be waiting on Discord");
        for (var i = 2; i < 5; i++)
        {
            interactions.Add(await bot.Discord.SlashCommand("credits").By(200 + (ulong)i, "m" + i).DispatchAsync());
        }

        foreach (var interaction in interactions)
        {
            await interaction.WaitForInitialResponseAsync(TimeSpan.FromSeconds(10));
        }

        // None of the three reached Discord before a held answer was through: they waited for a slot, none was dropped.
        var firstHeldAnswered = interactions.Take(2).Min(interaction => interaction.InitialResponse!.ReceivedAt);
        Assert.All(interactions.Skip(2), interaction => Assert.True(interaction.InitialResponse!.ReceivedAt >= firstHeldAnswered));
        Assert.InRange(dispatcher.WaitedForSlot, 1, 3);
        Assert.Single(bot.Logs.Lines, line => line.Message.Contains("interaction slots are busy", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Lines, line => line.Message.Contains("expired before it was answered", StringComparison.Ordinal));
    }

    private static bool IsProgressEdit(FakeDiscordCall call) =>
        call.Method == "PATCH" && call.Route.EndsWith("/messages/@original", StringComparison.Ordinal) && !call.IsMultipart
        && call.Json?["embeds"]?.ToJsonString().Contains("Creating your image", StringComparison.Ordinal) == true;

    private static bool IsResultUpload(FakeDiscordCall call) =>
        call.Method == "PATCH" && call.Route.EndsWith("/messages/@original", StringComparison.Ordinal) && call.IsMultipart;

    /// <summary>Waits until the member's generation has ended and nothing is held for it, then returns the balance.</summary>
    private static async Task<CreditBalance> FinishedAsync(BotHarness bot)
    {
        var store = bot.Get<GenerationStore>();
        await Eventually.Until(
            () => store.ForMember(new CreditScope(BotHarness.GuildId, User), 0, 10),
            generations => generations.Count > 0 && generations.All(generation => generation.IsFinished),
            "the generation to end",
            TimeSpan.FromSeconds(20));
        return await bot.SettledBalanceAsync(User);
    }

    private static int Uploads(BotHarness bot) =>
        bot.Discord.Calls.Count(call => call.Files.Any(file => file.FileName?.StartsWith("seedream-", StringComparison.Ordinal) == true));

    private static Task<FakeInteraction> Imagine(BotHarness bot) =>
        bot.Discord.SlashCommand("imagine").By(User, "fay").WithString("prompt", "a kite over dunes").DispatchAsync();

    private static Task<BotHarness> StartAsync(
        FakeApiframeOptions? apiframe = null,
        FakeDiscordOptions? discord = null,
        Dictionary<string, string?>? settings = null)
    {
        var options = new BotHarnessOptions
        {
            Apiframe = apiframe ?? new FakeApiframeOptions(),
            Discord = discord ?? new FakeDiscordOptions(),
        };
        foreach (var (key, value) in ImpatientClient.Concat(settings ?? []))
        {
            options.Settings[key] = value;
        }

        return BotHarness.StartAsync(options);
    }

    /// <summary>Holds the database's writer until released: every write waits, as on a stalled disk.</summary>
    private sealed class DiskStall : IDisposable
    {
        private readonly ManualResetEventSlim _released = new();
        private readonly Task _writer;

        private DiskStall(BotHarness bot)
        {
            using var holding = new ManualResetEventSlim();
            _writer = Task.Run(() => bot.Get<SeedreamDatabase>().Write(_ =>
            {
                holding.Set();
                _released.Wait();
            }));
            holding.Wait(TimeSpan.FromSeconds(10));
        }

        public static DiskStall Begin(BotHarness bot) => new(bot);

        public void Release() => _released.Set();

        public void Dispose()
        {
            Release();
            _writer.Wait(TimeSpan.FromSeconds(10));
            _released.Dispose();
        }
    }
}
