namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>
/// Runs the Dockerfile's build stage once (restore and publish, as <see cref="DockerBuildEmulation"/> does it) for
/// all Dockerfile tests; they skip with <see cref="SkipReason"/> when the repository is not found.
/// </summary>
public sealed class PublishedImage : IAsyncLifetime
{
    private DockerBuildEmulation? _emulation;

    internal Dockerfile? Dockerfile { get; private set; }

    internal DockerIgnore? Ignore { get; private set; }

    /// <summary>The folder standing in for the final image's WORKDIR after the COPY from the build stage.</summary>
    internal string? AppFolder { get; private set; }

    internal Exception? BuildFailure { get; private set; }

    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        if (RepositoryRoot.Directory is not { } repository)
        {
            SkipReason = RepositoryRoot.MissingReason;
            return;
        }

        Dockerfile = Dockerfile.Parse(await File.ReadAllTextAsync(Path.Combine(repository, "Dockerfile")));
        Ignore = new DockerIgnore(await File.ReadAllTextAsync(Path.Combine(repository, ".dockerignore")));
        _emulation = new DockerBuildEmulation(repository, Ignore);
        try
        {
            var copy = Dockerfile.Final.All("COPY").Single(instruction => instruction.Flag("from") is not null);
            await _emulation.RunStageAsync(Dockerfile.Stage(copy.Flag("from")!));
            AppFolder = _emulation.Map(copy.WordsAfterFlags[0]);
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or IOException or TimeoutException)
        {
            BuildFailure = exception;
        }
    }

    public Task DisposeAsync()
    {
        _emulation?.Dispose();
        return Task.CompletedTask;
    }
}
