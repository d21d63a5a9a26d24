using System.ComponentModel.DataAnnotations;
using SeedreamBot.Bot.Operations;

namespace SeedreamBot.Bot.Tests.Operations;

public sealed class HealthOptionsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://*:9090", "http://127.0.0.1:9090/")]
    [InlineData("http://+:9090", "http://127.0.0.1:9090/")]
    [InlineData("http://[::]:8080", "http://[::1]:8080/")]
    [InlineData("http://localhost:8080/", "http://localhost:8080/")]
    public void Listener_urls_map_to_an_address_this_machine_can_ask(string url, string expected) =>
        Assert.Equal(new Uri(expected), HealthOptions.ToLocalAddress(url));

    [Theory]
    [InlineData("https://127.0.0.1:8443")]
    [InlineData("http://127.0.0.1:8080/health")]
    [InlineData("http://user:pw@127.0.0.1:8080")]
    [InlineData("127.0.0.1:8080")]
    public void Anything_but_a_plain_http_address_is_refused_with_an_example(string url)
    {
        Assert.Null(HealthOptions.ToLocalAddress(url));

        var problems = Validate(new HealthOptions { Urls = url });

        var problem = Assert.Single(problems);
        Assert.Contains("Health:Urls", problem, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:8080", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_urls_are_separated_by_semicolons_and_an_empty_list_is_refused_unless_the_listener_is_off()
    {
        Assert.Empty(Validate(new HealthOptions { Urls = "http://127.0.0.1:8080; http://[::1]:8080" }));
        Assert.Equal(["http://127.0.0.1:8080", "http://[::1]:8080"], new HealthOptions { Urls = "http://127.0.0.1:8080; http://[::1]:8080" }.ListUrls());
        Assert.Contains("Health:Enabled", Assert.Single(Validate(new HealthOptions { Urls = " ; " })), StringComparison.Ordinal);
        Assert.Empty(Validate(new HealthOptions { Urls = "", Enabled = false }));
    }

    [Fact]
    public void The_heartbeat_age_has_a_range()
    {
        var problem = Assert.Single(Validate(new HealthOptions { MaxHeartbeatAge = TimeSpan.Zero }));

        Assert.Contains("between 00:00:01 and 01:00:00", problem, StringComparison.Ordinal);
    }

    private static List<string> Validate(HealthOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(result => result.ErrorMessage!)];
    }
}
