using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Discord.Tests.Rest;

public sealed class OptionsTests
{
    [Fact]
    public void A_missing_token_fails_with_a_message_that_says_where_to_set_and_get_it()
    {
        using var services = Build(new Dictionary<string, string?>());

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("Discord:Token", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord__Token", error.Message, StringComparison.Ordinal);
        Assert.Contains("DISCORD_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Contains("Developer Portal", error.Message, StringComparison.Ordinal);
        Assert.Contains("Reset Token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DISCORD_TOKEN_is_a_fallback_and_a_pasted_Bot_prefix_is_removed()
    {
        using var fromFallback = Build(new Dictionary<string, string?> { ["DISCORD_TOKEN"] = "  Bot MTIz.NDU2.abc  " });

        var options = fromFallback.GetRequiredService<IOptions<DiscordOptions>>().Value;

        Assert.Equal("MTIz.NDU2.abc", options.Token);
        Assert.Equal(DiscordOptions.DefaultApiBaseUrl, options.ApiBaseUrl);
        Assert.Equal(0, options.Intents);
        Assert.Null(options.ShardCount);
    }

    [Fact]
    public void Bad_values_are_refused_without_echoing_the_token()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "MTIz NDU2.secret",
            ["Discord:ApiBaseUrl"] = "discord.com/api",
            ["Discord:ShardCount"] = "0",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("Discord:Token contains whitespace", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord:ApiBaseUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord:ShardCount", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://discord.com/api/v10", false)]
    [InlineData("http://discord.plain.test/api/MTIz.NDU2", false)]
    [InlineData("http://127.0.0.1:5000/api/v10", true)]
    [InlineData("http://localhost:5000/api/v10", true)]
    [InlineData("https://discord.com/api/v10", true)]
    public void The_api_base_url_must_be_https_unless_it_is_this_machine(string url, bool accepted)
    {
        using var services = Build(new Dictionary<string, string?> { ["Discord:Token"] = "MTIz.NDU2.abc", ["Discord:ApiBaseUrl"] = url });

        if (accepted)
        {
            Assert.Equal(url, services.GetRequiredService<IOptions<DiscordOptions>>().Value.ApiBaseUrl);
            return;
        }

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DiscordOptions>>().Value);
        Assert.Contains("Discord:ApiBaseUrl must use https", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MTIz", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("discord.plain.test", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rest_client_is_registered_for_its_interface_and_as_the_gateway_info_source()
    {
        using var services = Build(new Dictionary<string, string?> { ["Discord:Token"] = "MTIz.NDU2.abc" });

        Assert.IsType<DiscordRestClient>(services.GetRequiredService<IDiscordRestClient>());
        Assert.IsType<DiscordRestClient>(services.GetRequiredService<IGatewayInfoSource>());
        Assert.Same(services.GetRequiredService<DiscordRestMetrics>(), services.GetRequiredService<DiscordRestMetrics>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDiscordRest(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
