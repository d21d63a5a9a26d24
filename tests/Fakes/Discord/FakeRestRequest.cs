using System.Globalization;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

/// <summary>A parsed request handed to a fake route.</summary>
internal sealed record FakeRestRequest(
    IReadOnlyDictionary<string, string> Values,
    JsonNode? Json,
    IReadOnlyList<FakeMultipartPart> Parts,
    string Query,
    DateTimeOffset Now,
    long Timestamp)
{
    public ulong Id(string name) => ulong.Parse(Values[name], NumberStyles.None, CultureInfo.InvariantCulture);

    public bool TryId(string name, out ulong id) =>
        ulong.TryParse(Values.GetValueOrDefault(name), NumberStyles.None, CultureInfo.InvariantCulture, out id);

    /// <summary>The <c>files[n]</c> parts by index n.</summary>
    public SortedDictionary<int, FakeMultipartPart> Files
    {
        get
        {
            var files = new SortedDictionary<int, FakeMultipartPart>();
            foreach (var part in Parts)
            {
                if (part.FileName is not null
                    && part.Name.StartsWith("files[", StringComparison.Ordinal)
                    && part.Name.EndsWith(']')
                    && int.TryParse(part.Name.AsSpan(6, part.Name.Length - 7), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    files[index] = part;
                }
            }

            return files;
        }
    }
}
