using System.Text.Json.Nodes;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Fakes.Discord.Gateway;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>Answers <see cref="IGatewayInfoSource"/> from the fake, as the REST client would from <c>GET /gateway/bot</c>.</summary>
internal sealed class FakeGatewayInfoSource(FakeGateway gateway, Uri url) : IGatewayInfoSource
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The URL handed out; a test can point it elsewhere (e.g. at a dead port) and back.</summary>
    public Uri Url { get; set; } = url;

    public Task<GatewayInfo> GetGatewayInfoAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var described = gateway.DescribeForGatewayBot();
        var limit = described["session_start_limit"]!.AsObject();
        return Task.FromResult(new GatewayInfo(
            Url.ToString(),
            described["shards"]!.GetValue<int>(),
            new SessionStartLimit(
                limit["total"]!.GetValue<int>(),
                limit["remaining"]!.GetValue<int>(),
                TimeSpan.FromMilliseconds(limit["reset_after"]!.GetValue<long>()),
                limit["max_concurrency"]!.GetValue<int>())));
    }
}
