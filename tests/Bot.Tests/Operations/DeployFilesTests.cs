using System.Diagnostics;
using System.Text.Json.Nodes;
using SeedreamBot.Bot.Operations;
using SeedreamBot.Core.Storage;
using YamlDotNet.RepresentationModel;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>
/// The deployment recipes the README points at: <c>deploy/compose.yaml</c> runs the image the Dockerfile builds, as
/// the Dockerfile means it to run, and <c>deploy/seedreambot.service</c> runs the published bot under systemd with
/// the journal's log format. Neither Docker nor systemd runs here, so the files are read and compared.
/// </summary>
public sealed class DeployFilesTests
{
    [SkippableFact]
    public void Compose_runs_one_bot_from_the_Dockerfile_with_its_database_in_a_named_volume_and_the_images_health_check()
    {
        Skip.If(RepositoryRoot.Directory is null, RepositoryRoot.MissingReason);
        var compose = Yaml("deploy", "compose.yaml");
        var dockerfile = Dockerfile.Parse(File.ReadAllText(RepositoryRoot.PathOf("Dockerfile")));

        var services = (YamlMappingNode)compose["services"];
        var bot = (YamlMappingNode)Assert.Single(services.Children).Value;

        // Built from the repository's Dockerfile.
        var build = (YamlMappingNode)bot["build"];
        var context = Path.GetFullPath(Path.Combine(RepositoryRoot.PathOf("deploy"), Text(build["context"])));
        Assert.Equal(RepositoryRoot.Directory, context.TrimEnd(Path.DirectorySeparatorChar));
        Assert.True(File.Exists(Path.Combine(context, Text(build["dockerfile"]))));

        // The database folder of the image (its VOLUME and Storage__DatabasePath) is a named volume.
        var dataFolder = Path.GetDirectoryName(dockerfile.Final.Environment()["Storage__DatabasePath"])!;
        Assert.Contains(dataFolder, dockerfile.Final.Last("VOLUME")!.Words);
        var mount = Assert.Single(((YamlSequenceNode)bot["volumes"]).Children.Select(Text));
        var (volume, target) = (mount.Split(':')[0], mount.Split(':')[1]);
        Assert.Equal(dataFolder, target);
        Assert.Contains(volume, ((YamlMappingNode)compose["volumes"]).Children.Keys.Select(Text));

        // The same health check as the image's HEALTHCHECK.
        var imageCheck = dockerfile.Final.Last("HEALTHCHECK")!.WordsAfterFlags;
        var imageCommand = JsonNode.Parse(string.Join(' ', imageCheck.Skip(1)))!.AsArray().Select(word => word!.GetValue<string>());
        var composeCheck = ((YamlSequenceNode)((YamlMappingNode)bot["healthcheck"])["test"]).Children.Select(Text).ToList();
        Assert.Equal(["CMD", .. imageCommand], composeCheck);
        Assert.Equal(HealthProbe.Flag, composeCheck[^1]);

        // Health published on this machine only, on the port the image listens on; both secrets required.
        var port = Assert.Single(((YamlSequenceNode)bot["ports"]).Children.Select(Text));
        Assert.StartsWith("127.0.0.1:", port, StringComparison.Ordinal);
        Assert.Equal(new Uri(dockerfile.Final.Environment()["Health__Urls"]).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), port.Split(':')[^1]);
        var environment = (YamlMappingNode)bot["environment"];
        foreach (var secret in new[] { "DISCORD_TOKEN", "APIFRAME_API_KEY" })
        {
            Assert.StartsWith($"${{{secret}:?", Text(environment[secret]), StringComparison.Ordinal);
        }

        Assert.Equal("30s", Text(bot["stop_grace_period"]));
        Assert.True(File.Exists(RepositoryRoot.PathOf("deploy", ".env.example")), "compose.yaml tells people to copy deploy/.env.example.");
    }

    [SkippableFact]
    public async Task The_systemd_unit_runs_the_published_bot_with_journald_logs_and_its_database_in_the_state_folder()
    {
        Skip.If(RepositoryRoot.Directory is null, RepositoryRoot.MissingReason);
        var path = RepositoryRoot.PathOf("deploy", "seedreambot.service");
        var unit = Unit(File.ReadAllLines(path));

        var exec = unit[("Service", "ExecStart")].Single().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("dotnet", exec[0], StringComparison.Ordinal);
        Assert.Equal("SeedreamBot.dll", Path.GetFileName(exec[1]));
        var environment = unit[("Service", "Environment")].Select(line => line.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        Assert.Equal("systemd", environment["Logging__Format"]);
        var state = Assert.Single(unit[("Service", "StateDirectory")]);
        Assert.Equal($"/var/lib/{state}", Path.GetDirectoryName(environment["Storage__DatabasePath"]));
        Assert.Equal($"/var/lib/{state}", Assert.Single(unit[("Service", "WorkingDirectory")]));
        Assert.NotEqual("root", Assert.Single(unit[("Service", "User")]));
        Assert.Contains("2", Assert.Single(unit[("Service", "RestartPreventExitStatus")]).Split(' '));
        Assert.Equal("multi-user.target", Assert.Single(unit[("Install", "WantedBy")]));
        Assert.Equal(StorageOptions.DefaultDatabasePath.Split('/')[^1], Path.GetFileName(environment["Storage__DatabasePath"]));

        // Where systemd itself is at hand, it must accept the file too.
        if (Which("systemd-analyze") is { } analyze)
        {
            using var process = Process.Start(new ProcessStartInfo(analyze, ["verify", path])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            var errors = await process.StandardError.ReadToEndAsync();
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var complaints = (errors + output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(line => line.Contains("seedreambot.service", StringComparison.Ordinal))
                .ToList();
            Assert.True(complaints.Count == 0, string.Join('\n', complaints));
        }
    }

    private static YamlMappingNode Yaml(params string[] relative)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(RepositoryRoot.PathOf(relative)));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    private static ILookup<(string Section, string Key), string> Unit(IEnumerable<string> lines)
    {
        var section = "";
        var entries = new List<((string, string) Key, string Value)>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            entries.Add(((section, line[..equals].Trim()), line[(equals + 1)..].Trim()));
        }

        return entries.ToLookup(entry => entry.Key, entry => entry.Value);
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
