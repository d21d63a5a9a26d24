using System.Reflection;

namespace SeedreamBot.Bot.Operations;

/// <summary>
/// The product version set in Directory.Build.props (<c>&lt;Version&gt;</c>), and the git commit the build came from
/// when it was built in a checkout (the SDK appends it to the informational version). Shown by <c>--version</c>, on
/// <c>/healthz</c>, in the start-up log line and to operators, so a bug report or an update says which build runs.
/// </summary>
public static class ProductVersion
{
    /// <summary>The command-line flag that prints the version and exits, before any configuration is read.</summary>
    public const string Flag = "--version";

    private static readonly (string Version, string? Commit) Parsed = Parse(
        typeof(ProductVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ProductVersion).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0");

    /// <summary>The semantic version, e.g. <c>0.2.0</c> or <c>0.2.0-dev</c>.</summary>
    public static string Version => Parsed.Version;

    /// <summary>The full commit hash the build came from, or null when it was built outside a git checkout (Docker).</summary>
    public static string? Commit => Parsed.Commit;

    /// <summary>The version with the short commit, e.g. <c>0.2.0-dev (commit 2a5f5a6)</c>.</summary>
    public static string Display => Commit is { } commit ? $"{Version} (commit {commit[..Math.Min(7, commit.Length)]})" : Version;

    /// <summary>True when the command line asks for the version.</summary>
    public static bool IsRequested(IEnumerable<string> args) =>
        args.Any(arg => string.Equals(arg, Flag, StringComparison.OrdinalIgnoreCase));

    /// <summary>Splits an informational version such as <c>0.2.0-dev+2a5f5a6…</c> into version and commit.</summary>
    internal static (string Version, string? Commit) Parse(string informational)
    {
        ArgumentNullException.ThrowIfNull(informational);
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
        {
            return (informational, null);
        }

        var metadata = informational[(plus + 1)..];
        return (informational[..plus], metadata.Length == 0 ? null : metadata);
    }
}
