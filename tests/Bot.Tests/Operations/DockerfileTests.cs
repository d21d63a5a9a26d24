using System.Text.Json.Nodes;
using System.Xml.Linq;
using SeedreamBot.Bot.Operations;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>
/// Docker cannot run here, so the Dockerfile is checked for what can be checked: its build stage really builds
/// (restore and publish run on a copy of the build context), every file it copies exists and survives .dockerignore,
/// the final image runs the published assembly as a non-root user with the database in /data, and its HEALTHCHECK
/// command works against the published bot.
/// </summary>
[Collection(DockerImageCollection.Name)]
public sealed class DockerfileTests(PublishedImage image) : IClassFixture<PublishedImage>
{
    [SkippableFact]
    public void The_build_stage_restores_and_publishes()
    {
        Skip.If(image.SkipReason is not null, image.SkipReason);

        Assert.True(image.BuildFailure is null, image.BuildFailure?.ToString());
        Assert.True(Directory.Exists(image.AppFolder), "The folder the final stage copies from the build stage was not produced.");
    }

    [SkippableFact]
    public void The_final_image_is_the_aspnet_runtime_and_the_build_uses_the_sdk()
    {
        var dockerfile = Parsed();

        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile.Final.Image);
        var copy = dockerfile.Final.All("COPY").Single(instruction => instruction.Flag("from") is not null);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", dockerfile.Stage(copy.Flag("from")!).Image, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_entry_point_is_the_published_assembly_and_the_health_check_runs_it_with_the_probe_flag()
    {
        var dockerfile = Parsed();
        var app = PublishedApp();

        var entryPoint = dockerfile.Final.Last("ENTRYPOINT")!.Words;
        Assert.Equal(["dotnet", "SeedreamBot.dll"], entryPoint);
        Assert.Equal("/app", dockerfile.Final.Last("WORKDIR")!.Arguments);
        Assert.True(File.Exists(Path.Combine(app, entryPoint[1])), $"{entryPoint[1]} is not in the published output.");

        var healthCheck = dockerfile.Final.Last("HEALTHCHECK")!.WordsAfterFlags;
        Assert.Equal("CMD", healthCheck[0]);
        var command = JsonNode.Parse(string.Join(' ', healthCheck.Skip(1)))!.AsArray().Select(word => word!.GetValue<string>()).ToList();
        Assert.Equal([.. entryPoint, HealthProbe.Flag], command);
    }

    [SkippableFact]
    public void It_runs_as_a_non_root_user_with_the_database_in_the_data_volume_and_health_on_the_exposed_port()
    {
        var dockerfile = Parsed();

        var user = dockerfile.Final.Last("USER")!.Arguments;
        Assert.DoesNotContain(user, new[] { "", "root", "0", "0:0", "root:root" });
        Assert.Contains("/data", dockerfile.Final.Last("VOLUME")!.Words);
        var environment = dockerfile.Final.Environment();
        Assert.Equal("/data/seedreambot.db", environment["Storage__DatabasePath"]);
        var healthUrl = new Uri(environment["Health__Urls"]);
        Assert.Contains(healthUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), dockerfile.Final.Last("EXPOSE")!.Words);

        // The volume folder is created and handed to that user before the USER switch.
        var run = dockerfile.Final.All("RUN").Single().Arguments;
        Assert.Contains("mkdir -p /data", run, StringComparison.Ordinal);
        Assert.Contains("chown", run, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_published_output_needs_only_the_frameworks_of_the_runtime_image_and_ships_no_local_settings()
    {
        var app = PublishedApp();

        var runtimeConfig = JsonNode.Parse(File.ReadAllText(Path.Combine(app, "SeedreamBot.runtimeconfig.json")))!;
        var options = runtimeConfig["runtimeOptions"]!;
        var frameworks = (options["frameworks"]?.AsArray().Select(node => node!) ?? [options["framework"]!])
            .Select(framework => (Name: framework["name"]!.GetValue<string>(), Version: framework["version"]!.GetValue<string>()))
            .ToList();
        Assert.All(frameworks, framework =>
        {
            Assert.Contains(framework.Name, new[] { "Microsoft.NETCore.App", "Microsoft.AspNetCore.App" });
            Assert.StartsWith("10.", framework.Version, StringComparison.Ordinal);
        });
        Assert.True(File.Exists(Path.Combine(app, "appsettings.json")), "appsettings.json must be published.");
        Assert.False(File.Exists(Path.Combine(app, "appsettings.Development.json")), "Local development settings must not be published.");
        Assert.Empty(Directory.GetFiles(app, "*.db", SearchOption.AllDirectories));
    }

    [SkippableFact]
    public async Task The_published_bot_starts_explains_missing_secrets_and_its_health_check_fails_cleanly_with_no_bot()
    {
        var app = PublishedApp();
        var workDir = Directory.CreateTempSubdirectory("seedreambot-published-").FullName;
        try
        {
            var start = await BotProcess.RunAsync(new Dictionary<string, string>(), workDir, Path.Combine(app, "SeedreamBot.dll"));
            Assert.Equal(2, start.ExitCode);
            Assert.Contains("Discord:Token", start.StandardError, StringComparison.Ordinal);

            var probe = await BotProcess.RunAsync(
                new Dictionary<string, string> { ["Health__Urls"] = "http://0.0.0.0:1" }, workDir, Path.Combine(app, "SeedreamBot.dll"), HealthProbe.Flag);
            Assert.Equal(1, probe.ExitCode);
            Assert.StartsWith("unhealthy: http://127.0.0.1:1/healthz", probe.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(workDir, recursive: true);
        }
    }

    [SkippableFact]
    public void Every_project_the_bot_references_is_copied_before_the_restore()
    {
        var dockerfile = Parsed();
        var build = dockerfile.Stage(dockerfile.Final.All("COPY").Single(instruction => instruction.Flag("from") is not null).Flag("from")!);

        var beforeRestore = build.Instructions
            .TakeWhile(instruction => !(instruction.Keyword == "RUN" && instruction.Arguments.Contains("restore", StringComparison.Ordinal)))
            .Where(instruction => instruction.Keyword == "COPY")
            .SelectMany(instruction => instruction.WordsAfterFlags.Take(instruction.WordsAfterFlags.Count - 1))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var project in ProjectClosure("src/Bot/SeedreamBot.Bot.csproj"))
        {
            Assert.Contains(project, beforeRestore);
        }

        foreach (var shared in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            Assert.Contains(shared, beforeRestore);
        }
    }

    [SkippableFact]
    public void Dockerignore_keeps_build_outputs_local_data_and_secrets_out_but_every_source_file_in()
    {
        Skip.If(image.SkipReason is not null, image.SkipReason);
        var ignore = image.Ignore!;

        Assert.True(ignore.IsExcluded("src/Bot/bin/Debug/net10.0/SeedreamBot.dll"));
        Assert.True(ignore.IsExcluded("src/Core/obj/project.assets.json"));
        Assert.True(ignore.IsExcluded("data/seedreambot.db"));
        Assert.True(ignore.IsExcluded("seedreambot-log.db"));
        Assert.True(ignore.IsExcluded("src/Bot/appsettings.Development.json"));
        Assert.True(ignore.IsExcluded("src/Bot/appsettings.Production.json"));
        Assert.True(ignore.IsExcluded(".git/HEAD"));
        Assert.True(ignore.IsExcluded("tests/Bot.Tests/Operations/DockerfileTests.cs"));

        var sources = Directory.EnumerateFiles(RepositoryRoot.PathOf("src"), "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryRoot.Directory!, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal)
                && !path.EndsWith("appsettings.Development.json", StringComparison.Ordinal)
                && !path.EndsWith("appsettings.Production.json", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, path => Assert.False(ignore.IsExcluded(path), $"{path} would be missing from the build context."));
    }

    private Dockerfile Parsed()
    {
        Skip.If(image.SkipReason is not null, image.SkipReason);
        return image.Dockerfile!;
    }

    private string PublishedApp()
    {
        Skip.If(image.SkipReason is not null, image.SkipReason);
        Assert.True(image.BuildFailure is null, image.BuildFailure?.ToString());
        return image.AppFolder!;
    }

    /// <summary>The project and every project it references, as repository-relative paths.</summary>
    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(RepositoryRoot.PathOf(next))!;
            foreach (var reference in XDocument.Load(RepositoryRoot.PathOf(next)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(RepositoryRoot.Directory!, full).Replace('\\', '/'));
            }
        }

        return seen;
    }
}
