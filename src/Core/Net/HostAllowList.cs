using System.Globalization;

namespace SeedreamBot.Core.Net;

/// <summary>
/// Where the bot may fetch images from. An entry is either a host name (then only <c>https</c> to that host, on the
/// default port, and only to public addresses) or an explicit origin such as <c>http://127.0.0.1:5123</c> (exactly that
/// scheme, host and port, to whatever address it is: how tests allow their local fakes, on purpose and visibly).
/// </summary>
public sealed class HostAllowList
{
    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _origins = new(StringComparer.OrdinalIgnoreCase);

    public HostAllowList(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            if (Problem(entry) is { } problem)
            {
                throw new ArgumentException(problem, nameof(entries));
            }

            var trimmed = entry.Trim();
            if (trimmed.Contains("://", StringComparison.Ordinal))
            {
                _origins.Add(OriginOf(new Uri(trimmed, UriKind.Absolute)));
            }
            else
            {
                _hosts.Add(trimmed.TrimEnd('.'));
            }
        }
    }

    /// <summary>The entries, for messages: host names first, then origins.</summary>
    public IReadOnlyList<string> Entries => [.. _hosts.Order(StringComparer.Ordinal), .. _origins.Order(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="url"/> is https to a listed host, or exactly a listed origin.</summary>
    public bool Allows(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || !string.IsNullOrEmpty(url.UserInfo))
        {
            return false;
        }

        if (_origins.Contains(OriginOf(url)))
        {
            return true;
        }

        return url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort && _hosts.Contains(url.IdnHost.TrimEnd('.'));
    }

    /// <summary>True when connections to <paramref name="host"/>:<paramref name="port"/> may go to a private address (an explicit origin).</summary>
    public bool AllowsPrivateAddresses(string host, int port) =>
        _origins.Any(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                               && string.Equals(uri.IdnHost, host, StringComparison.OrdinalIgnoreCase)
                               && uri.Port == port);

    /// <summary>Why <paramref name="entry"/> cannot be an entry, for start-up validation; null when it can.</summary>
    public static string? Problem(string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry))
        {
            return "an entry is empty";
        }

        var trimmed = entry.Trim();
        if (trimmed.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
                   && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                   && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.UserInfo)
                ? null
                : $"'{trimmed}' is not an origin such as http://127.0.0.1:5123 (scheme, host and port only)";
        }

        return Uri.CheckHostName(trimmed.TrimEnd('.')) == UriHostNameType.Dns
            ? null
            : $"'{trimmed}' is not a host name such as cdn.example.com (write an IP address as an origin, e.g. http://127.0.0.1:5123)";
    }

    private static string OriginOf(Uri uri) =>
        string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme}://{uri.IdnHost.TrimEnd('.')}:{uri.Port}");
}
