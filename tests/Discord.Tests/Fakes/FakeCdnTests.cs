using System.Net;
using Microsoft.Extensions.Time.Testing;
using SeedreamBot.Discord.Rest;
using SeedreamBot.Discord.Tests.TestHost;
using SeedreamBot.Fakes.Discord;

namespace SeedreamBot.Discord.Tests.Fakes;

/// <summary>
/// The fake CDN is as unforgiving as Discord's: signed links that die after a day (on the fake's clock), fresh ones in
/// every payload and from <c>POST /attachments/refresh-urls</c>, nothing for files no message holds. Driven through our
/// REST client, so its two refresh calls are tested over the wire too.
/// </summary>
public sealed class FakeCdnTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private DiscordRestHarness _harness = null!;

    public async Task InitializeAsync() =>
        _harness = await DiscordRestHarness.StartAsync(new FakeDiscordOptions { TimeProvider = _time, CdnUrlLifetime = TimeSpan.FromHours(24) });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task A_signed_link_works_for_its_lifetime_then_answers_404_like_Discords_cdn()
    {
        var message = _harness.Server.AddUserMessage(FakeDiscordServer.DefaultChannelId, "pic", [new FakeUpload(TestImages.Png(4, 4), "a.png")]);
        var url = message.Attachments[0].Url;

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(url)).Status);
        _time.Advance(TimeSpan.FromHours(23.9));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(url)).Status);
        _time.Advance(TimeSpan.FromHours(0.2));

        var expired = await GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, expired.Status);
        Assert.Equal("This content is no longer available.", expired.Body);
    }

    [Theory]
    [InlineData("unsigned")]
    [InlineData("extended")]
    [InlineData("forged")]
    public async Task A_link_without_a_valid_signature_is_refused(string tampering)
    {
        var message = _harness.Server.AddUserMessage(FakeDiscordServer.DefaultChannelId, "pic", [new FakeUpload(TestImages.Png(4, 4), "a.png")]);
        var url = message.Attachments[0].Url;
        var path = url.Split('?')[0];
        var query = System.Web.HttpUtility.ParseQueryString(url.Split('?')[1]);
        var later = (long.Parse(query["ex"]!, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        var tampered = tampering switch
        {
            "unsigned" => path,
            "extended" => $"{path}?ex={later}&is={query["is"]}&hm={query["hm"]}&",
            _ => $"{path}?ex={query["ex"]}&is={query["is"]}&hm={new string('0', 64)}&",
        };

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(tampered)).Status);
    }

    [Fact]
    public async Task Fetching_the_message_a_day_later_gives_a_freshly_signed_link_that_works()
    {
        var message = _harness.Server.AddUserMessage(FakeDiscordServer.DefaultChannelId, "pic", [new FakeUpload(TestImages.Png(4, 4), "a.png")]);
        _time.Advance(TimeSpan.FromDays(2));

        var fetched = await _harness.Client.GetMessageAsync(message.ChannelId, message.Id);

        var fresh = Assert.Single(fetched.Attachments).Url;
        Assert.NotEqual(message.Attachments[0].Url, fresh);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(message.Attachments[0].Url)).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(fresh)).Status);
    }

    [Fact]
    public async Task Refresh_urls_signs_files_still_on_a_message_and_omits_the_rest()
    {
        var kept = _harness.Server.AddUserMessage(FakeDiscordServer.DefaultChannelId, "pic", [new FakeUpload(TestImages.Png(4, 4), "kept.png")]);
        var deleted = _harness.Server.AddUserMessage(FakeDiscordServer.DefaultChannelId, "pic", [new FakeUpload(TestImages.Png(4, 4), "gone.png")]);
        var ephemeral = _harness.Server.RegisterCdnAttachment(new FakeUpload(TestImages.Png(4, 4), "option.png"), ephemeral: true);
        await _harness.Client.DeleteMessageAsync(deleted.ChannelId, deleted.Id);
        _time.Advance(TimeSpan.FromDays(3));

        var refreshed = await _harness.Client.RefreshAttachmentUrlsAsync(
            [kept.Attachments[0].Url, deleted.Attachments[0].Url, ephemeral.Url, "https://example.com/x.png"]);

        var only = Assert.Single(refreshed);
        Assert.Equal(kept.Attachments[0].Url, only.Original);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(only.Refreshed)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(ephemeral.Url)).Status);
    }

    [Fact]
    public async Task A_deleted_messages_files_are_gone_from_the_cdn_at_once()
    {
        var message = _harness.Server.AddUserMessage(FakeDiscordServer.DefaultChannelId, "pic", [new FakeUpload(TestImages.Png(4, 4), "a.png")]);

        await _harness.Client.DeleteMessageAsync(message.ChannelId, message.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(message.Attachments[0].Url)).Status);
    }

    [Fact]
    public async Task Refreshing_more_than_fifty_links_at_once_is_a_programming_error()
    {
        var urls = Enumerable.Range(0, DiscordRestClient.MaxRefreshUrls + 1).Select(i => $"https://cdn.discordapp.com/attachments/1/{i}/a.png").ToList();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _harness.Client.RefreshAttachmentUrlsAsync(urls));
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string url)
    {
        using var response = await _http.GetAsync(new Uri(url));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
