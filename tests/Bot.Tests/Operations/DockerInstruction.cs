using System.Text.Json;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>One Dockerfile instruction (continuation lines joined), with its arguments in both forms.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments)
{
    /// <summary>The exec form (<c>["dotnet", "x.dll"]</c>) as a list, or the shell form split on whitespace.</summary>
    public IReadOnlyList<string> Words =>
        Arguments.TrimStart().StartsWith('[')
            ? JsonSerializer.Deserialize<string[]>(Arguments.Trim())!
            : Arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The words after the leading <c>--flag=value</c> options (COPY --from=build, HEALTHCHECK --interval=…).</summary>
    public IReadOnlyList<string> WordsAfterFlags => [.. Words.SkipWhile(word => word.StartsWith("--", StringComparison.Ordinal))];

    public string? Flag(string name) =>
        Words.TakeWhile(word => word.StartsWith("--", StringComparison.Ordinal))
            .Where(word => word.StartsWith("--" + name + "=", StringComparison.Ordinal))
            .Select(word => word[(name.Length + 3)..])
            .FirstOrDefault();
}
