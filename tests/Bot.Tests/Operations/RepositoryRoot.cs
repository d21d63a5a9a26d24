using System.Runtime.CompilerServices;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>
/// The repository's root folder (the one with SeedreamBot.sln), for tests that read the Dockerfile and
/// appsettings.example.json. Found above the test binaries (a normal build), else from this source file's compile-time
/// path (builds with <c>--artifacts-path</c> elsewhere), else from <c>SEEDREAMBOT_REPO_DIR</c>.
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string?> Root = new(() => Find());

    /// <summary>The root, or null (a test skips) when not found; under <c>SEEDREAMBOT_REQUIRE_SHARED=1</c> (CI) an error.</summary>
    public static string? Directory => Root.Value ?? (SeedreamBot.Fakes.Shared.SharedReference.IsRequired
        ? throw new InvalidOperationException(MissingReason + " CI runs every test (SEEDREAMBOT_REQUIRE_SHARED=1).")
        : null);

    public const string MissingReason =
        "The repository (SeedreamBot.sln) was not found above the test binaries or this source file; set SEEDREAMBOT_REPO_DIR to it.";

    public static string PathOf(params string[] relative) =>
        Path.Combine([Directory ?? throw new InvalidOperationException(MissingReason), .. relative]);

    private static string? Find([CallerFilePath] string sourceFile = "")
    {
        var candidates = new List<string?>
        {
            AppContext.BaseDirectory,
            Path.GetDirectoryName(sourceFile),
            Environment.GetEnvironmentVariable("SEEDREAMBOT_REPO_DIR"),
        };
        foreach (var start in candidates.OfType<string>().Where(System.IO.Directory.Exists))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SeedreamBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
