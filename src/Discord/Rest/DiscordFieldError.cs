namespace SeedreamBot.Discord.Rest;

/// <summary>One entry of a 50035 <c>errors</c> tree, flattened: <c>embeds[0].title</c>, <c>BASE_TYPE_MAX_LENGTH</c>, message.</summary>
public sealed record DiscordFieldError(string Path, string Code, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
