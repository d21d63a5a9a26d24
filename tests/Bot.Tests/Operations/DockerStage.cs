namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>One build stage: <c>FROM image [AS name]</c> and the instructions up to the next FROM.</summary>
internal sealed record DockerStage(string Image, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) =>
        Instructions.Where(instruction => instruction.Keyword == keyword);

    public DockerInstruction? Last(string keyword) => All(keyword).LastOrDefault();

    /// <summary>ENV values set in this stage (both <c>ENV a=b c=d</c> and <c>ENV a b</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var env in All("ENV"))
        {
            var words = env.Words;
            if (words.Count == 2 && !words[0].Contains('=', StringComparison.Ordinal))
            {
                values[words[0]] = words[1];
                continue;
            }

            foreach (var pair in words.Where(word => word.Contains('=', StringComparison.Ordinal)))
            {
                values[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..];
            }
        }

        return values;
    }
}
