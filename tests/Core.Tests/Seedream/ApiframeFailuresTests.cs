using System.Net;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Tests.Seedream;

public sealed class ApiframeFailuresTests
{
    private const string Key = "afk_secret_1";

    [Fact]
    public void An_html_error_page_from_a_proxy_still_gives_a_clear_failure()
    {
        var response = new ApiframeResponse(HttpStatusCode.BadGateway, "<html><body>502 Bad Gateway</body></html>", "req_1", null);

        var failure = ApiframeFailures.FromResponse(response, ApiframeOperation.Submit, null, Key);

        Assert.Equal(ApiframeFailureKind.Unavailable, failure.Kind);
        Assert.Equal("Apiframe is unavailable right now (HTTP 502: bad gateway). Try again in a few minutes.", failure.Message);
        Assert.Equal("req_1", failure.RequestId);
        Assert.Equal(502, failure.StatusCode);
    }

    [Fact]
    public void Details_of_unexpected_shapes_are_kept_as_text()
    {
        var body = """{"error":"Bad","details":{"foo.bar":["nope"],"baz":"single","n":3}}""";

        var failure = ApiframeFailures.FromResponse(new ApiframeResponse(HttpStatusCode.BadRequest, body, null, null), ApiframeOperation.Submit, null, Key);

        Assert.Equal(["nope"], failure.Details!["foo.bar"]);
        Assert.Equal(["single"], failure.Details["baz"]);
        Assert.Equal(["3"], failure.Details["n"]);
        Assert.Equal("Apiframe rejected the request: Bad (foo.bar: nope; baz: single; n: 3).", failure.Message);
    }

    [Fact]
    public void A_404_on_the_generate_route_points_at_the_base_url_not_at_a_job()
    {
        var failure = ApiframeFailures.FromResponse(new ApiframeResponse(HttpStatusCode.NotFound, "", null, null), ApiframeOperation.Submit, null, Key);

        Assert.Equal(ApiframeFailureKind.Unavailable, failure.Kind);
        Assert.Equal("Apiframe answered 404 for the generate call; the operator should check Apiframe:BaseUrl.", failure.Message);
    }

    [Fact]
    public void Long_server_text_is_shortened_to_one_line()
    {
        var body = "{\"error\":\"" + new string('x', 500) + "\\nsecond line\"}";

        var failure = ApiframeFailures.FromResponse(new ApiframeResponse((HttpStatusCode)418, body, null, null), ApiframeOperation.Submit, null, Key);

        Assert.Equal(ApiframeFailureKind.InvalidRequest, failure.Kind);
        Assert.Equal("Apiframe rejected the request with HTTP 418: " + new string('x', 300) + "….", failure.Message);
    }

    [Fact]
    public void A_402_without_numbers_still_reads_well()
    {
        var failure = ApiframeFailures.FromResponse(new ApiframeResponse(HttpStatusCode.PaymentRequired, "{}", null, null), ApiframeOperation.Submit, null, Key);

        Assert.Equal(
            "The bot's Apiframe team is out of credits: it has no credits left for this image. The bot's operator must top up the Apiframe account.",
            failure.Message);
        Assert.Null(failure.CreditsRequired);
    }

    [Fact]
    public void A_429_without_Retry_After_says_to_try_again_later()
    {
        var failure = ApiframeFailures.FromResponse(new ApiframeResponse(HttpStatusCode.TooManyRequests, "{\"error\":\"slow down\"}", null, null), ApiframeOperation.Poll, "j", Key);

        Assert.Equal(ApiframeFailureKind.RateLimited, failure.Kind);
        Assert.Equal("Apiframe is rate-limiting the bot; try again in a minute.", failure.Message);
        Assert.Equal("j", failure.JobId);
    }
}
