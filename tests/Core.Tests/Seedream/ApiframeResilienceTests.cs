using System.Net;
using Polly;
using Polly.Timeout;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Tests.Seedream;

public sealed class ApiframeResilienceTests
{
    private static readonly ApiframeOptions Options = new() { ApiKey = "afk_x", MaxRetryAfter = TimeSpan.FromSeconds(60) };

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.NotImplemented, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.PaymentRequired, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.RequestTimeout, false)]
    [InlineData(HttpStatusCode.Conflict, false)]
    [InlineData(HttpStatusCode.Gone, false)]
    [InlineData(HttpStatusCode.OK, false)]
    [InlineData(HttpStatusCode.Accepted, false)]
    public void Only_429_and_5xx_are_retried(HttpStatusCode status, bool retried)
    {
        using var response = new HttpResponseMessage(status);

        Assert.Equal(retried, ApiframeResilience.ShouldRetry(Outcome.FromResult(response), Options, TimeProvider.System));
    }

    [Fact]
    public void Network_errors_and_attempt_timeouts_are_retried_but_other_exceptions_are_not()
    {
        Assert.True(ApiframeResilience.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset")), Options, TimeProvider.System));
        Assert.True(ApiframeResilience.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), Options, TimeProvider.System));
        Assert.False(ApiframeResilience.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new OperationCanceledException()), Options, TimeProvider.System));
        Assert.False(ApiframeResilience.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new InvalidOperationException()), Options, TimeProvider.System));
    }

    [Fact]
    public void A_Retry_After_beyond_MaxRetryAfter_is_not_waited_out()
    {
        using var shortWait = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        shortWait.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(60));
        using var longWait = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        longWait.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(61));

        Assert.True(ApiframeResilience.ShouldRetry(Outcome.FromResult(shortWait), Options, TimeProvider.System));
        Assert.False(ApiframeResilience.ShouldRetry(Outcome.FromResult(longWait), Options, TimeProvider.System));
    }
}
