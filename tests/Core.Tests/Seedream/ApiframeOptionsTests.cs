using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Tests.Seedream;

public sealed class ApiframeOptionsTests
{
    [Fact]
    public void Only_the_key_is_needed_and_everything_else_has_the_documented_default()
    {
        var options = Resolve(new() { ["Apiframe:ApiKey"] = "afk_abc123" });

        Assert.Equal("afk_abc123", options.ApiKey);
        Assert.Equal("https://api.apiframe.ai", options.BaseUrl);
        Assert.Equal(new Uri("https://api.apiframe.ai/"), options.GetBaseUri());
        Assert.Equal("seedream-5-lite", options.Model);
        Assert.Equal(TimeSpan.FromSeconds(2), options.PollInterval);
        Assert.Equal(TimeSpan.FromSeconds(5), options.MaxPollInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), options.JobTimeout);
        Assert.Equal(4, options.MaxConcurrentJobs);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
        Assert.Equal(3, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MaxRetryAfter);
    }

    [Fact]
    public void The_key_can_come_from_the_Apiframe__ApiKey_environment_variable()
    {
        const string Prefix = "SEEDREAMBOT_OPTIONS_TEST_";
        Environment.SetEnvironmentVariable(Prefix + "Apiframe__ApiKey", "afk_from_environment");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(Prefix).Build();
            var services = new ServiceCollection().AddSeedreamClient(configuration).BuildServiceProvider();

            Assert.Equal("afk_from_environment", services.GetRequiredService<IOptions<ApiframeOptions>>().Value.ApiKey);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Prefix + "Apiframe__ApiKey", null);
        }
    }

    [Fact]
    public void A_missing_key_fails_at_start_up_and_says_where_to_put_it()
    {
        var error = StartupError(new());

        Assert.Contains(
            "Apiframe:ApiKey is not set. Put your Apiframe API key (it starts with afk_) in the environment variable Apiframe__ApiKey.",
            error,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sk-live-7Hq2SECRETVALUE")]
    [InlineData("afk_")]
    [InlineData("afk_has space")]
    public void A_key_of_the_wrong_shape_fails_at_start_up_without_echoing_it(string key)
    {
        var error = StartupError(new() { ["Apiframe:ApiKey"] = key });

        Assert.Contains(
            "Apiframe:ApiKey does not look like an Apiframe API key: keys start with afk_ and contain no spaces. " +
            "Copy the key from the Apiframe dashboard into the environment variable Apiframe__ApiKey.",
            error,
            StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETVALUE", error, StringComparison.Ordinal);
        Assert.DoesNotContain("has space", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Apiframe:BaseUrl", "not a url", "Apiframe:BaseUrl must be an absolute https URL without a query, such as https://api.apiframe.ai (the default).")]
    [InlineData("Apiframe:BaseUrl", "ftp://api.apiframe.ai", "Apiframe:BaseUrl must be an absolute https URL without a query")]
    [InlineData("Apiframe:BaseUrl", "http://api.apiframe.ai", "Apiframe:BaseUrl must use https (the API key is sent with every request); plain http is allowed only for localhost")]
    [InlineData("Apiframe:Model", " ", "Apiframe:Model is empty. Remove the setting to use seedream-5-lite.")]
    [InlineData("Apiframe:MaxConcurrentJobs", "0", "Apiframe:MaxConcurrentJobs must be between 1 and 256 (default 4).")]
    [InlineData("Apiframe:MaxConcurrentJobs", "257", "Apiframe:MaxConcurrentJobs must be between 1 and 256 (default 4).")]
    [InlineData("Apiframe:PollInterval", "00:00:00", "Apiframe:PollInterval must be between 00:00:00.001 and 00:01:00 (default 00:00:02).")]
    [InlineData("Apiframe:MaxPollInterval", "00:00:01", "Apiframe:MaxPollInterval must not be shorter than Apiframe:PollInterval (defaults 00:00:05 and 00:00:02).")]
    [InlineData("Apiframe:JobTimeout", "02:00:00", "Apiframe:JobTimeout must be between 00:00:00.001 and 01:00:00 (default 00:05:00).")]
    [InlineData("Apiframe:RequestTimeout", "00:00:00.005", "Apiframe:RequestTimeout must be between 00:00:00.010 and 00:10:00 (default 00:00:30).")]
    [InlineData("Apiframe:MaxRetryAttempts", "11", "Apiframe:MaxRetryAttempts must be between 0 and 10 (default 3).")]
    public void Each_bad_setting_fails_at_start_up_with_a_message_that_names_it(string key, string value, string message)
    {
        var error = StartupError(new() { ["Apiframe:ApiKey"] = "afk_abc123", [key] = value });

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_twice_is_harmless()
    {
        await using var fake = await Fakes.Apiframe.FakeApiframeServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(fake.ClientConfiguration()).Build();
        var services = new ServiceCollection().AddSeedreamClient(configuration).AddSeedreamClient(configuration);
        await using var provider = services.BuildServiceProvider();
        fake.InjectFault(Fakes.Apiframe.FakeRoute.Me, Fakes.Apiframe.FakeFault.ServiceUnavailable(), times: 100);

        var result = await provider.GetRequiredService<ISeedreamClient>().GetAccountAsync(CancellationToken.None);

        // One pipeline: one try and three retries (two stacked pipelines would make it 4 × 4).
        Assert.Equal(ApiframeFailureKind.Unavailable, result.Failure?.Kind);
        Assert.Equal(4, fake.RequestsTo(Fakes.Apiframe.FakeRoute.Me).Count);
    }

    private static ApiframeOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSeedreamClient(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<ApiframeOptions>>().Value;
    }

    /// <summary>What the host's start-up validation (ValidateOnStart) reports.</summary>
    private static string StartupError(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddSeedreamClient(configuration).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        return error.Message;
    }
}
