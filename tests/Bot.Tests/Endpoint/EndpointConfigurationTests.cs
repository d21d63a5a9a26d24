using SeedreamBot.Bot.Tests.Hosting;

namespace SeedreamBot.Bot.Tests.Endpoint;

/// <summary>
/// The settings of HTTP interactions and Apiframe webhooks, checked before the bot starts: each mistake, and each
/// combination that would leave a command or a webhook with nowhere to go, is named by key with its fix, never by value.
/// </summary>
public sealed class EndpointConfigurationTests : IDisposable
{
    private const string PublicKey = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
    private const string Listener = "http://127.0.0.1:18081";

    private readonly string _folder = Directory.CreateTempSubdirectory("seedreambot-endpoint-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Interactions_webhooks_and_no_gateway_together_are_a_valid_configuration()
    {
        Assert.Null(Problems(new()
        {
            ["Interactions:PublicKey"] = PublicKey,
            ["Interactions:Urls"] = Listener + ";http://[::1]:18082",
            ["Apiframe:WebhookUrl"] = "https://bot.example.com/webhooks/apiframe",
            ["Discord:Gateway"] = "false",
        }));
        Assert.Null(Problems(new() { ["Apiframe:WebhookUrl"] = "https://bot.example.com/webhooks/apiframe", ["Interactions:Urls"] = Listener }));
        Assert.Null(Problems(new() { ["Apiframe:WebhookUrl"] = "http://127.0.0.1:18081/webhooks/apiframe", ["Interactions:Urls"] = Listener }));
    }

    [Theory]
    [InlineData("not-a-key-pasted_bits")]
    [InlineData("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660")]
    [InlineData("MTEwMDAwMDAwMDAwMDAwMDAwMQ.pasted_bits.example-token_0123456789")]
    public void A_public_key_that_is_not_64_hex_digits_is_refused_without_repeating_it(string key)
    {
        var problem = Problems(new() { ["Interactions:PublicKey"] = key, ["Interactions:Urls"] = Listener });

        Assert.NotNull(problem);
        Assert.Contains("Interactions:PublicKey is not an application public key", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("pasted_bits", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(key, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_key_without_a_listener_is_refused()
    {
        var problem = Problems(new() { ["Interactions:PublicKey"] = PublicKey });

        Assert.NotNull(problem);
        Assert.Contains("Interactions:PublicKey is set but Interactions:Urls is not", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://127.0.0.1:8443")]
    [InlineData("127.0.0.1:8081")]
    [InlineData("http://127.0.0.1:8081/interactions")]
    public void A_listener_url_that_is_not_plain_http_host_and_port_is_refused(string url)
    {
        var problem = Problems(new() { ["Interactions:PublicKey"] = PublicKey, ["Interactions:Urls"] = Listener + ";" + url });

        Assert.NotNull(problem);
        Assert.Contains("Interactions:Urls entry 2 is not a plain http://host:port address", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_gateway_and_without_http_interactions_no_command_could_arrive()
    {
        var problem = Problems(new() { ["Discord:Gateway"] = "false" });

        Assert.NotNull(problem);
        Assert.Contains("Discord:Gateway is false but Interactions:PublicKey is not set", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Webhooks_without_a_listener_would_reach_nothing()
    {
        var problem = Problems(new() { ["Apiframe:WebhookUrl"] = "https://bot.example.com/webhooks/apiframe" });

        Assert.NotNull(problem);
        Assert.Contains("Apiframe:WebhookUrl is set but Interactions:Urls is not", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_listener_with_nothing_to_serve_is_refused()
    {
        var problem = Problems(new() { ["Interactions:Urls"] = Listener });

        Assert.NotNull(problem);
        Assert.Contains("Interactions:Urls is set but there is nothing to serve there", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://bot.plain-host.test/webhooks/apiframe", "Apiframe:WebhookUrl must use https")]
    [InlineData("webhooks/apiframe", "Apiframe:WebhookUrl must be an absolute https URL")]
    [InlineData("ftp://bot.plain-host.test/webhooks/apiframe", "Apiframe:WebhookUrl must be an absolute https URL")]
    [InlineData("https://user:pasted_bits@bot.plain-host.test/webhooks/apiframe", "Apiframe:WebhookUrl must be an absolute https URL")]
    public void A_webhook_url_Apiframe_could_not_safely_call_is_refused_without_repeating_it(string url, string expected)
    {
        var problem = Problems(new() { ["Apiframe:WebhookUrl"] = url, ["Interactions:Urls"] = Listener });

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("plain-host", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("pasted_bits", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:04", "Apiframe:WebhookPollInterval must not be shorter than Apiframe:MaxPollInterval")]
    [InlineData("00:10:01", "Apiframe:WebhookPollInterval must be between 00:00:00.001 and 00:10:00 (default 00:00:20).")]
    public void The_safety_net_poll_is_slower_than_plain_polling_and_bounded(string interval, string expected)
    {
        var problem = Problems(new()
        {
            ["Apiframe:WebhookUrl"] = "https://bot.example.com/webhooks/apiframe",
            ["Interactions:Urls"] = Listener,
            ["Apiframe:WebhookPollInterval"] = interval,
        });

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    private string? Problems(Dictionary<string, string?> settings) => StartupCheck.Problems(_folder, settings);
}
