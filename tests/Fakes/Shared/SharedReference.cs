namespace SeedreamBot.Fakes.Shared;

/// <summary>
/// Finds the reference material that lives beside the project (<c>../shared</c> from the repository root).
/// CI has it there; a clone elsewhere does not, so tests that need it skip with <see cref="MissingReason"/> and the
/// fakes check requests against the documented limits only. Under <see cref="RequiredVariable"/>=1 (set by
/// <c>.ci/run</c>) a missing reference is an error instead, so nothing is skipped silently.
/// </summary>
public static class SharedReference
{
    /// <summary>When "1", a missing reference fails the test that needs it instead of skipping it.</summary>
    public const string RequiredVariable = "SEEDREAMBOT_REQUIRE_SHARED";

    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>True when <see cref="RequiredVariable"/> is set: missing reference material is an error.</summary>
    public static bool IsRequired => Environment.GetEnvironmentVariable(RequiredVariable) == "1";

    /// <summary>The absolute path of the shared folder, or null when it is not beside this clone.</summary>
    public static string? Directory => Root.Value;

    /// <summary>Why a test that needs the shared folder is skipped.</summary>
    public static string MissingReason =>
        "The reference folder ../shared (beside the repository root) is not present in this clone; " +
        "contract tests against Apiframe's and Discord's OpenAPI documents need it and are skipped.";

    public static string ApiframeOpenApiPath => PathOf("apiframe", "openapi.json");

    public static string DiscordOpenApiPath => PathOf("discord-openapi", "openapi.json");

    /// <summary>The full path of a file under the shared folder, or null when the folder or file is absent.</summary>
    /// <exception cref="InvalidOperationException">It is absent and <see cref="IsRequired"/>.</exception>
    public static string? TryFind(params string[] relative)
    {
        var path = Root.Value is null ? null : Path.Combine([Root.Value, .. relative]);
        if (path is not null && File.Exists(path))
        {
            return path;
        }

        if (IsRequired)
        {
            throw new InvalidOperationException(
                $"{RequiredVariable}=1, but ../shared/{string.Join('/', relative)} was not found " +
                $"({(Root.Value is null ? "no shared folder beside the repository and SEEDREAMBOT_SHARED_DIR unset" : $"not in {Root.Value}")}). " +
                "CI must run the contract tests; put the reference folder beside the repository or point SEEDREAMBOT_SHARED_DIR at it.");
        }

        return null;
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
