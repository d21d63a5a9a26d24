namespace SeedreamBot.Bot.Tests.Hosting;

/// <summary>
/// Configuration mistakes are explained by key, never by value (a value in the wrong key may be a pasted secret), and
/// the two API roots that carry credentials must be https unless they point at this machine.
/// </summary>
public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("seedreambot-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Secret_looking_values_in_the_wrong_keys_are_never_repeated_in_the_explanation()
    {
        var pastedFolder = Directory.CreateDirectory(Path.Combine(_folder, "afk_pasted_bits_a_path")).FullName;

        var problem = Problems(new()
        {
            ["Discord:ApiBaseUrl"] = "MTEw.pasted_bits_the_api_url",
            ["Discord:ProjectUrl"] = "afk_pasted_bits_the_project_url",
            ["Apiframe:BaseUrl"] = "afk_pasted_bits_the_base_url",
            ["Credits:TimeZone"] = "afk_pasted_bits_the_time_zone",
            ["Health:Urls"] = "https://afk_pasted_bits_health:1",
            ["Operator:ServerPolicy"] = "afk_pasted_bits_the_policy",
            ["Storage:DatabasePath"] = pastedFolder,
        });

        Assert.NotNull(problem);
        foreach (var key in new[] { "Discord:ApiBaseUrl", "Discord:ProjectUrl", "Apiframe:BaseUrl", "Credits:TimeZone", "Health:Urls", "Operator:ServerPolicy", "Storage:DatabasePath" })
        {
            Assert.Contains(key, problem, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("pasted_bits", problem, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Discord:ApiBaseUrl", "http://discord.plain-host.test/api/v10")]
    [InlineData("Apiframe:BaseUrl", "http://api.plain-host.test")]
    public void A_credential_carrying_root_over_plain_http_is_refused_unless_it_is_this_machine(string key, string insecure)
    {
        var refused = Problems(new() { [key] = insecure });

        Assert.NotNull(refused);
        Assert.Contains(key + " must use https", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("plain-host", refused, StringComparison.Ordinal);
        Assert.Null(Problems(new() { [key] = "http://127.0.0.1:5123/api" }));
        Assert.Null(Problems(new() { [key] = "http://localhost:5123/api" }));
        Assert.Null(Problems(new() { [key] = "http://[::1]:5123/api" }));
    }

    private string? Problems(Dictionary<string, string?> settings) => StartupCheck.Problems(_folder, settings);
}
