using System.Diagnostics;
using System.Text;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>
/// Does what <c>docker build</c> would do in the Dockerfile's build stage, without Docker: the build context is the
/// repository minus .dockerignore, each COPY copies from it into a temporary root standing in for the image's file
/// system, and each RUN (only <c>dotnet …</c> is allowed there) runs in the mapped WORKDIR with absolute paths mapped
/// into that root. What the final stage copies from the build stage can then be inspected and run.
/// </summary>
internal sealed class DockerBuildEmulation : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);

    private readonly string _repository;
    private readonly DockerIgnore _ignore;
    private readonly StringBuilder _log = new();

    public DockerBuildEmulation(string repository, DockerIgnore ignore)
    {
        _repository = repository;
        _ignore = ignore;
        Root = Directory.CreateTempSubdirectory("seedreambot-image-").FullName;
    }

    /// <summary>The folder standing in for the image's "/".</summary>
    public string Root { get; }

    /// <summary>What the RUN commands printed, for failure messages.</summary>
    public string Log => _log.ToString();

    /// <summary>Maps an absolute image path (e.g. <c>/app/publish</c>) into <see cref="Root"/>.</summary>
    public string Map(string imagePath) => Path.Combine(Root, imagePath.TrimStart('/'));

    public async Task RunStageAsync(DockerStage stage)
    {
        var workdir = "/";
        foreach (var instruction in stage.Instructions)
        {
            switch (instruction.Keyword)
            {
                case "WORKDIR":
                    workdir = instruction.Arguments.StartsWith('/') ? instruction.Arguments : workdir.TrimEnd('/') + "/" + instruction.Arguments;
                    Directory.CreateDirectory(Map(workdir));
                    break;
                case "COPY" when instruction.Flag("from") is null:
                    Copy(instruction.WordsAfterFlags, workdir);
                    break;
                case "RUN":
                    await RunAsync(instruction.Words, workdir).ConfigureAwait(false);
                    break;
                case "ENV" or "ARG" or "LABEL":
                    break;
                default:
                    throw new NotSupportedException($"The emulated build stage does not support {instruction.Keyword} {instruction.Arguments}.");
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the OS cleans temp eventually.
        }
    }

    private void Copy(IReadOnlyList<string> words, string workdir)
    {
        var destination = words[^1];
        var target = destination.StartsWith('/') ? destination : workdir.TrimEnd('/') + "/" + destination;
        foreach (var source in words.Take(words.Count - 1))
        {
            var from = Path.Combine(_repository, source.TrimEnd('/'));
            if (Directory.Exists(from))
            {
                CopyFolder(from, Map(target));
            }
            else if (File.Exists(from))
            {
                if (_ignore.IsExcluded(source))
                {
                    throw new InvalidOperationException($"COPY {source}: .dockerignore leaves it out of the build context.");
                }

                var into = destination.EndsWith('/') || words.Count > 2 ? Path.Combine(Map(target), Path.GetFileName(from)) : Map(target);
                Directory.CreateDirectory(Path.GetDirectoryName(into)!);
                File.Copy(from, into, overwrite: true);
            }
            else
            {
                throw new FileNotFoundException($"COPY {source}: no such file or folder in the repository.", from);
            }
        }
    }

    private void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in Directory.EnumerateFileSystemEntries(from))
        {
            var relative = Path.GetRelativePath(_repository, entry).Replace('\\', '/');
            if (_ignore.IsExcluded(relative))
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                CopyFolder(entry, Path.Combine(to, Path.GetFileName(entry)));
            }
            else
            {
                File.Copy(entry, Path.Combine(to, Path.GetFileName(entry)), overwrite: true);
            }
        }
    }

    private async Task RunAsync(IReadOnlyList<string> words, string workdir)
    {
        if (words.Count == 0 || words[0] != "dotnet")
        {
            throw new NotSupportedException($"The emulated build stage only runs dotnet commands, not: {string.Join(' ', words)}");
        }

        // Not niced: on a machine loaded by others a niced build starved past its timeout. Keeping it away from the
        // timing-sensitive tests is the job of its test collection (DockerImageCollection), which runs alone.
        var start = new ProcessStartInfo("dotnet", words.Skip(1).Select(word => word.StartsWith('/') ? Map(word) : word))
        {
            WorkingDirectory = Map(workdir),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The test host's MSBuild variables would point the child build at the test run's own build.
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        // No build servers left running after the test (and none holding files in the temporary root).
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        _log.AppendLine("$ " + string.Join(' ', words));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', words)}' did not finish in {CommandTimeout}.");
        }

        _log.AppendLine(await output.ConfigureAwait(false)).AppendLine(await error.ConfigureAwait(false));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{string.Join(' ', words)}' failed with exit code {process.ExitCode}:\n{Log}");
        }
    }
}
