namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>A Dockerfile read into stages, enough to check what Docker would do with it (no Docker needed).</summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerStage> stages) => Stages = stages;

    public IReadOnlyList<DockerStage> Stages { get; }

    public DockerStage Final => Stages[^1];

    public DockerStage Stage(string name) =>
        Stages.Single(stage => string.Equals(stage.Name, name, StringComparison.OrdinalIgnoreCase));

    public static Dockerfile Parse(string text)
    {
        var instructions = new List<DockerInstruction>();
        var pending = "";
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (pending.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue; // a comment inside a continued instruction
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var full = (pending + line).Trim();
            pending = "";
            var space = full.IndexOfAny([' ', '\t']);
            instructions.Add(space < 0
                ? new DockerInstruction(full.ToUpperInvariant(), "")
                : new DockerInstruction(full[..space].ToUpperInvariant(), full[(space + 1)..].Trim()));
        }

        var stages = new List<DockerStage>();
        List<DockerInstruction>? current = null;
        foreach (var instruction in instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                var words = instruction.WordsAfterFlags;
                current = [];
                stages.Add(new DockerStage(
                    words[0],
                    words.Count >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null,
                    current));
                continue;
            }

            current?.Add(instruction);
        }

        return new Dockerfile(stages);
    }
}
