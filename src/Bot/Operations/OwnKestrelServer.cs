using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SeedreamBot.Bot.Operations;

/// <summary>
/// A Kestrel server of the bot's own with a plain request pipeline, for the listeners beside the generic host (health
/// and metrics, the public endpoint): the bot stays a plain generic host, and each listener gets its own URLs and limits.
/// </summary>
internal sealed class OwnKestrelServer
{
    private readonly KestrelServer _server;

    private OwnKestrelServer(KestrelServer server, IReadOnlyList<string> boundUrls)
    {
        _server = server;
        BoundUrls = boundUrls;
        Addresses = [.. boundUrls.Select(HealthOptions.ToLocalAddress).OfType<Uri>()];
    }

    /// <summary>The URLs Kestrel listens on (the real port where port 0 was asked for).</summary>
    public IReadOnlyList<string> BoundUrls { get; }

    /// <summary>The same, as addresses this machine can call (a wildcard host becomes loopback).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>
    /// Starts listening on <paramref name="urls"/>. Throws <see cref="IOException"/> (with nothing left open) when an
    /// address cannot be bound: a port already taken, or an address not on this machine.
    /// </summary>
    public static async Task<OwnKestrelServer> StartAsync(
        IEnumerable<string> urls,
        long maxRequestBodySize,
        int maxRequestHeadersTotalSize,
        RequestDelegate pipeline,
        IServiceProvider services,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var kestrel = new KestrelServerOptions { ApplicationServices = services, AddServerHeader = false };
        kestrel.Limits.MaxRequestBodySize = maxRequestBodySize;
        kestrel.Limits.MaxRequestHeadersTotalSize = maxRequestHeadersTotalSize;
        var server = new KestrelServer(
            Options.Create(kestrel),
            new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggerFactory),
            loggerFactory);
        var addresses = server.Features.Get<IServerAddressesFeature>()!;
        foreach (var url in urls)
        {
            addresses.Addresses.Add(url);
        }

        try
        {
            await server.StartAsync(new HealthHttpApplication(pipeline), cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            server.Dispose();
            throw;
        }

        return new OwnKestrelServer(server, [.. addresses.Addresses]);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _server.StopAsync(cancellationToken).ConfigureAwait(false);
        _server.Dispose();
    }
}
