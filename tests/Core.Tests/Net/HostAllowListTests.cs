using SeedreamBot.Core.Net;

namespace SeedreamBot.Core.Tests.Net;

public sealed class HostAllowListTests
{
    private static readonly HostAllowList Discord = new(["cdn.discordapp.com", "media.discordapp.net"]);

    [Theory]
    [InlineData("https://cdn.discordapp.com/attachments/1/2/a.png?ex=1&is=2&hm=3", true)]
    [InlineData("https://MEDIA.discordapp.net/attachments/1/2/a.png", true)]
    [InlineData("http://cdn.discordapp.com/attachments/1/2/a.png", false)]
    [InlineData("https://cdn.discordapp.com:8443/a.png", false)]
    [InlineData("https://cdn.discordapp.com.evil.example/a.png", false)]
    [InlineData("https://evilcdn.discordapp.com/a.png", false)]
    [InlineData("https://user:pass@cdn.discordapp.com/a.png", false)]
    [InlineData("https://127.0.0.1/a.png", false)]
    public void Host_names_allow_https_on_the_default_port_only(string url, bool allowed) =>
        Assert.Equal(allowed, Discord.Allows(new Uri(url)));

    [Fact]
    public void An_explicit_origin_allows_exactly_that_scheme_host_and_port_and_private_addresses_there()
    {
        var list = new HostAllowList(["http://127.0.0.1:5123"]);

        Assert.True(list.Allows(new Uri("http://127.0.0.1:5123/cdn/a.png")));
        Assert.False(list.Allows(new Uri("http://127.0.0.1:5124/cdn/a.png")));
        Assert.False(list.Allows(new Uri("https://127.0.0.1:5123/cdn/a.png")));
        Assert.True(list.AllowsPrivateAddresses("127.0.0.1", 5123));
        Assert.False(list.AllowsPrivateAddresses("127.0.0.1", 80));
        Assert.False(Discord.AllowsPrivateAddresses("cdn.discordapp.com", 443));
    }

    [Theory]
    [InlineData("cdn.apiframe.ai", null)]
    [InlineData("http://127.0.0.1:5123", null)]
    [InlineData("", "an entry is empty")]
    [InlineData("127.0.0.1", "is not a host name")]
    [InlineData("https://cdn.apiframe.ai/images", "is not an origin")]
    [InlineData("ftp://cdn.apiframe.ai", "is not an origin")]
    [InlineData("cdn apiframe ai", "is not a host name")]
    public void Entries_are_validated_with_a_message_that_says_what_to_write(string entry, string? problem)
    {
        var found = HostAllowList.Problem(entry);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }
}
