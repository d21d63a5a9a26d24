using System.Net;
using System.Net.Sockets;

namespace SeedreamBot.Core.Net;

/// <summary>
/// Keeps image downloads off the bot's own network: a URL from Apiframe or a Discord message may name a host that
/// resolves to a loopback, private or link-local address (or be redirected there), so the check is made on the
/// address actually connected to, inside <see cref="SocketsHttpHandler.ConnectCallback"/>, after DNS.
/// </summary>
public static class PublicAddresses
{
    /// <summary>False for loopback, private (RFC 1918, unique local), link-local, carrier-grade NAT, unspecified and multicast addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0
                     || b[0] == 10
                     || (b[0] == 100 && b[1] is >= 64 and <= 127)
                     || b[0] == 127
                     || (b[0] == 169 && b[1] == 254)
                     || (b[0] == 172 && b[1] is >= 16 and <= 31)
                     || (b[0] == 192 && b[1] == 168)
                     || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                     || (b[0] == 198 && b[1] is 18 or 19)
                     || b[0] >= 224);
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal
                     || address.IsIPv6SiteLocal
                     || address.IsIPv6Multicast
                     || (b[0] & 0xFE) == 0xFC);
        }

        return false;
    }

    /// <summary>
    /// A connect callback that resolves the host, refuses to connect when every address is private (unless
    /// <paramref name="allowList"/> names this host and port as an explicit origin), and connects to the first public
    /// address that answers.
    /// </summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(HostAllowList allowList)
    {
        ArgumentNullException.ThrowIfNull(allowList);
        return async (context, cancellationToken) =>
        {
            var endpoint = context.DnsEndPoint;
            var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
            var allowed = allowList.AllowsPrivateAddresses(endpoint.Host, endpoint.Port)
                ? addresses
                : [.. addresses.Where(IsPublic)];
            if (allowed.Length == 0)
            {
                throw new HttpRequestException(
                    HttpRequestError.ConnectionError,
                    $"{endpoint.Host} resolves only to addresses on a private network; the bot does not fetch images from there.");
            }

            Exception? last = null;
            foreach (var address in allowed)
            {
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch (SocketException exception)
                {
                    socket.Dispose();
                    last = exception;
                }
            }

            throw new HttpRequestException(HttpRequestError.ConnectionError, $"Could not connect to {endpoint.Host}.", last);
        };
    }
}
