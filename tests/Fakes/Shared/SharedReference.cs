namespace SeedreamBot.Fakes.Shared;

/// <summary>
/// Finds the reference material that lives beside the project (<c>../shared</c> from the repository root).
/// CI has it there; a clone elsewhere does not, so tests that need it skip with <see cref="MissingReason"/>.
/// </summary>
public static class SharedReference
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The absolute path of the shared folder, or null when it is not beside this clone.</summary>
    public static string? Directory => Root.Value;

    /// <summary>Why a test that needs the shared folder is skipped.</summary>
    public static string MissingReason =>
        "The reference folder ../shared (beside the repository root) is not present in this clone; " +
        "contract tests against Apiframe's and Discord's OpenAPI documents need it and are skipped.";

    public static string ApiframeOpenApiPath => PathOf("apiframe", "openapi.json");

    public static string DiscordOpenApiPath => PathOf("discord-openapi", "openapi.json");

    /// <summary>The full path of a file under the shared folder, or null when the folder or file is absent.</summary>
    public static string? TryFind(params string[] relative)
    {
        if (Root.Value is null)
        {
            return null;
        }

        var path = Path.Combine([Root.Value, .. relative]);
        return File.Exists(path) ? path : null;
    }

    private static string PathOf(params string[] relative) =>
        TryFind(relative) ?? throw new InvalidOperationException(MissingReason);

    private static string? FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SEEDREAMBOT_SHARED_DIR");
        if (!string.IsNullOrWhiteSpace(fromEnvironment) && System.IO.Directory.Exists(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SeedreamBot.sln")))
            {
                var shared = Path.Combine(dir.FullName, "..", "shared");
                return System.IO.Directory.Exists(shared) ? Path.GetFullPath(shared) : null;
            }
        }

        return null;
    }
}
