using System.Xml.Linq;
using SeedreamBot.Bot.Operations;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>Which build runs: <c>--version</c>, the start-up log line, and the version from Directory.Build.props.</summary>
public sealed class ProductVersionTests
{
    [Fact]
    public async Task The_version_flag_prints_the_version_and_exits_before_reading_any_configuration()
    {
        var workDir = Directory.CreateTempSubdirectory("seedreambot-version-").FullName;
        try
        {
            // No token, no key, nothing configured: the start-up check would exit with code 2.
            var run = await BotProcess.RunAsync(new Dictionary<string, string>(), workDir, BotProcess.BotAssembly, ProductVersion.Flag);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("SeedreamBot " + ProductVersion.Display, run.StandardOutput.Trim());
            Assert.Equal("", run.StandardError);
            Assert.Empty(Directory.GetFiles(workDir, "*.db", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(workDir, recursive: true);
        }
    }

    [SkippableFact]
    public void The_version_is_the_one_set_in_Directory_Build_props()
    {
        Skip.If(RepositoryRoot.Directory is null, RepositoryRoot.MissingReason);
        var props = XDocument.Load(RepositoryRoot.PathOf("Directory.Build.props"));

        var version = props.Descendants("Version").Single().Value.Trim();

        Assert.Equal(version, ProductVersion.Version);
        Assert.StartsWith(version, ProductVersion.Display, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.2.0", "0.2.0", null)]
    [InlineData("0.2.0-dev+2a5f5a6300525b3787b25ccb1c478eaf94ccf012", "0.2.0-dev", "2a5f5a6300525b3787b25ccb1c478eaf94ccf012")]
    [InlineData("1.0.0+", "1.0.0", null)]
    public void The_informational_version_splits_into_version_and_commit(string informational, string version, string? commit)
    {
        Assert.Equal((version, commit), ProductVersion.Parse(informational));
    }

    [Fact]
    public async Task The_bot_logs_its_version_before_it_connects_or_registers_anything()
    {
        await using var bot = await BotHarness.StartAsync();
        var lines = bot.Logs.Lines.ToList();

        var starting = Assert.Single(lines, line => line.Message.StartsWith("Starting SeedreamBot ", StringComparison.Ordinal));

        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, starting.Level);
        Assert.StartsWith("Starting SeedreamBot " + ProductVersion.Display + " on .NET ", starting.Message, StringComparison.Ordinal);
        var at = lines.IndexOf(starting);
        var firstGatewayOrRegistrar = lines.FindIndex(line =>
            line.Category.StartsWith("SeedreamBot.Discord", StringComparison.Ordinal) || line.Category.EndsWith("CommandRegistrar", StringComparison.Ordinal));
        Assert.True(firstGatewayOrRegistrar > at, $"The version line came after: {lines[Math.Max(firstGatewayOrRegistrar, 0)]}");
    }
}
