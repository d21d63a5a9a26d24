using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SeedreamBot.Fakes.Discord.Gateway;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>
/// Hosts a <see cref="FakeGateway"/> alone on Kestrel at 127.0.0.1:0, mounted at <c>/gateway</c> the way
/// FakeDiscordServer mounts it, with an <see cref="IGatewayInfoSource"/> that answers like <c>GET /gateway/bot</c>.
/// </summary>
internal sealed class FakeGatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeGatewayHost(WebApplication app, FakeGateway gateway, Uri url)
    {
        _app = app;
        Gateway = gateway;
        Url = url;
        InfoSource = new FakeGatewayInfoSource(gateway, url);
    }

    public FakeGateway Gateway { get; }

    /// <summary>The gateway's WebSocket address, e.g. <c>ws://127.0.0.1:41234/gateway</c>.</summary>
    public Uri Url { get; }

    public FakeGatewayInfoSource InfoSource { get; }

    public static async Task<FakeGatewayHost> StartAsync(FakeGatewayOptions? options = null)
    {
        var gateway = new FakeGateway(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/gateway", async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await gateway.AcceptAsync(socket, context.Request.QueryString.Value ?? "", context.RequestAborted);
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var url = new UriBuilder(address) { Scheme = "ws", Path = "/gateway" }.Uri;
        gateway.PublicUrl = url;
        return new FakeGatewayHost(app, gateway, url);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
