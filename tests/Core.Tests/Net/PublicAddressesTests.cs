using System.Net;
using System.Net.Sockets;
using System.Text;
using SeedreamBot.Core.Net;

namespace SeedreamBot.Core.Tests.Net;

public sealed class PublicAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.8.9.10", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("162.159.130.233", true)]
    [InlineData("2606:4700::6810:85e5", true)]
    public void Loopback_private_and_link_local_addresses_are_not_public(string address, bool isPublic) =>
        Assert.Equal(isPublic, PublicAddresses.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task A_host_name_that_resolves_to_loopback_is_refused_when_connecting()
    {
        using var server = new OneShotHttpServer();
        using var client = ClientWith(new HostAllowList(["localhost"]));

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://localhost:{server.Port}/image.png")));

        Assert.Contains("private network", exception.Message, StringComparison.Ordinal);
        Assert.False(server.Connected);
    }

    [Fact]
    public async Task An_explicitly_allowed_origin_connects_to_loopback()
    {
        using var server = new OneShotHttpServer();
        using var client = ClientWith(new HostAllowList([$"http://localhost:{server.Port}"]));

        using var response = await client.GetAsync(new Uri($"http://localhost:{server.Port}/image.png"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(server.Connected);
    }

    private static HttpClient ClientWith(HostAllowList list) =>
        new(new SocketsHttpHandler { ConnectCallback = PublicAddresses.ConnectCallback(list) }) { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Answers one HTTP request on a loopback port with 200 "ok".</summary>
    private sealed class OneShotHttpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private volatile bool _connected;

        public OneShotHttpServer()
        {
            _listener.Start();
            _ = ServeAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public bool Connected => _connected;

        public void Dispose() => _listener.Stop();

        private async Task ServeAsync()
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync();
                _connected = true;
                var stream = client.GetStream();
                var buffer = new byte[4096];
                _ = await stream.ReadAsync(buffer);
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"));
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or IOException)
            {
                // The listener was stopped without a connection: the refused case.
            }
        }
    }
}
