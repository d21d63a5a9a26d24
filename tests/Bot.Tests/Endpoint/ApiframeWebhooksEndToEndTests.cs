using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SeedreamBot.Bot.Tests.Generation;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Endpoint;

/// <summary>
/// Apiframe's webhooks against the real bot: the fake Apiframe signs and POSTs each job's events to the bot's listener,
/// and can drop, duplicate, reorder or delay them. The bot must learn of the end from the event, must still finish a
/// job whose events never come (by its slow safety-net poll), and must shrug off duplicates, stragglers and forgeries.
/// </summary>
public sealed class ApiframeWebhooksEndToEndTests
{
    [Fact]
    public async Task Every_submission_subscribes_and_the_completed_event_is_how_the_bot_learns_the_job_ended()
    {
        // Polls only every minute after the first: a delivery within the test's time can only come from the webhook.
        await using var bot = await StartAsync(pollEvery: "00:01:00");

        var interaction = await ImagineAsync(bot, 70, "a heron in fog");
        var result = await interaction.WaitForResultAsync();

        var body = Assert.Single(bot.GenerateBodies());
        Assert.Equal(new Uri(bot.ListenerUrl!, "/webhooks/apiframe").AbsoluteUri, body["webhookUrl"]!.GetValue<string>());
        Assert.Equal(["progress", "completed", "failed"], body["webhookEvents"]!.AsArray().Select(e => e!.GetValue<string>()));
        var job = Assert.Single(bot.Apiframe.Jobs);
        var completed = Assert.Single(bot.Apiframe.WebhookDeliveries, d => d.Event == "completed");
        Assert.Equal(204, completed.StatusCode);
        Assert.Equal(1, bot.Apiframe.PollCount(job.Id));
        Assert.Contains(bot.Apiframe.WebhookDeliveries, d => d.Event == "progress" && d.StatusCode == 204);
        Assert.Single(result.Attachments);
        Assert.Equal(36, (await bot.SettledBalanceAsync(70)).Available);
    }

    [Fact]
    public async Task A_job_whose_webhooks_never_arrive_still_finishes_by_polling()
    {
        await using var bot = await StartAsync(pollEvery: "00:00:00.400");
        bot.Apiframe.Webhooks.DropAll();

        var interaction = await ImagineAsync(bot, 71, "a quiet harbour");
        var result = await interaction.WaitForResultAsync();

        Assert.Single(result.Attachments);
        Assert.NotEmpty(bot.Apiframe.WebhookDeliveries);
        Assert.All(bot.Apiframe.WebhookDeliveries, delivery => Assert.True(delivery.Dropped));
        Assert.True(bot.Apiframe.PollCount(Assert.Single(bot.Apiframe.Jobs).Id) >= 2, "the job was finished by a safety-net poll");
        Assert.Equal(36, (await bot.SettledBalanceAsync(71)).Available);
        Assert.Equal(1, bot.Apiframe.JobsCreated);
    }

    [Fact]
    public async Task Duplicated_and_reordered_events_deliver_once_charge_once_and_never_move_the_message_back()
    {
        await using var bot = await StartAsync(pollEvery: "00:01:00");
        bot.Apiframe.Webhooks.Duplicate = true;
        bot.Apiframe.Webhooks.Reorder = true;

        var interaction = await ImagineAsync(bot, 72, "two lanterns");
        var result = await interaction.WaitForResultAsync();
        var job = Assert.Single(bot.Apiframe.Jobs);

        // Every progress event (each twice) comes after "completed", newest first; wait until the bot answered them all.
        await Eventually.Until(
            () => bot.Apiframe.WebhookDeliveries.All(d => d.AnsweredAt is not null),
            "every webhook to be answered");
        await bot.WaitForIdleAsync();
        var deliveries = bot.Apiframe.WebhookDeliveries.OrderBy(d => d.SentAt).ToList();
        var firstEnd = deliveries.FindIndex(d => d.Event == "completed");
        Assert.Equal(0, firstEnd);
        Assert.Contains(deliveries.Skip(2), d => d.Event == "progress");
        Assert.All(deliveries, d => Assert.Equal(204, d.StatusCode));

        Assert.Equal(2, bot.Apiframe.WebhookDeliveries.Count(d => d.Event == "completed" && d.StatusCode == 204));
        Assert.Equal(result.Id, interaction.Original!.Id);
        Assert.Single(interaction.Original!.Attachments);
        Assert.Single(interaction.OriginalHistory, version => version.Attachments.Count == 1);
        Assert.Same(interaction.OriginalHistory[^1], interaction.OriginalHistory.Last(version => version.Attachments.Count == 1));
        Assert.Equal(1, bot.Apiframe.JobsCreated);
        Assert.Equal(1, bot.Apiframe.CdnDownloads);
        Assert.Equal(36, bot.Balance(72).Available);
        Assert.Equal(1, bot.Apiframe.PollCount(job.Id));
    }

    [Fact]
    public async Task A_forged_completed_event_is_refused_and_the_job_goes_on()
    {
        await using var bot = await StartAsync(pollEvery: "00:01:00", new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        var interaction = await ImagineAsync(bot, 73, "a paper boat");
        var job = await bot.Apiframe.WaitForJobAsync();
        await bot.Apiframe.WaitForPollsAsync(job.Id, 1);

        var forged = new JsonObject
        {
            ["event"] = "completed",
            ["jobId"] = job.Id,
            ["status"] = "COMPLETED",
            ["progress"] = 100,
            ["result"] = "https://evil.example/forged.png",
        }.ToJsonString();
        var wrongKey = ApiframeWebhookSignature.Sign(Encoding.UTF8.GetBytes(forged), ApiframeWebhookSignature.SecretFor("afk_someone_else"));
        using var http = new HttpClient();
        foreach (var signature in new[] { null, wrongKey, "sha256=" + new string('0', 64) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(bot.ListenerUrl!, "/webhooks/apiframe"))
            {
                Content = new StringContent(forged, Encoding.UTF8, "application/json"),
            };
            if (signature is not null)
            {
                request.Headers.Add("X-Webhook-Signature", signature);
            }

            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(0, bot.Apiframe.CdnDownloads);
        Assert.Null(interaction.Original?.Attachments.FirstOrDefault());

        bot.Apiframe.CompleteJob(job.Id);
        var result = await interaction.WaitForResultAsync();
        Assert.Single(result.Attachments);
        Assert.Equal(1, bot.Apiframe.CdnDownloads);
    }

    [Fact]
    public async Task Progress_events_move_the_bar_without_polls()
    {
        await using var bot = await StartAsync(pollEvery: "00:01:00", new FakeApiframeOptions { Mode = FakeJobMode.Manual });
        var interaction = await ImagineAsync(bot, 74, "a slow sunrise");
        var job = await bot.Apiframe.WaitForJobAsync();
        await bot.Apiframe.WaitForPollsAsync(job.Id, 1);

        bot.Apiframe.SetProgress(job.Id, 60);
        await interaction.WaitForOriginalAsync(message => message.Embeds.ToJsonString().Contains("60%", StringComparison.Ordinal));

        Assert.Equal(1, bot.Apiframe.PollCount(job.Id));
        bot.Apiframe.CompleteJob(job.Id);
        await interaction.WaitForResultAsync();
        Assert.Equal(1, bot.Apiframe.PollCount(job.Id));
    }

    private static Task<BotHarness> StartAsync(string pollEvery, FakeApiframeOptions? apiframe = null) =>
        BotHarness.StartAsync(new BotHarnessOptions
        {
            Webhooks = true,
            Apiframe = apiframe ?? new FakeApiframeOptions(),
            Settings = { ["Apiframe:WebhookPollInterval"] = pollEvery },
        });

    private static Task<Fakes.Discord.FakeInteraction> ImagineAsync(BotHarness bot, ulong user, string prompt) =>
        bot.Discord.SlashCommand("imagine").By(user, "m").WithString("prompt", prompt).DispatchAsync();
}
