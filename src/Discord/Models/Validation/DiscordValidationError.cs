namespace SeedreamBot.Discord.Models.Validation;

/// <summary>One broken limit: where (e.g. <c>embeds[0].title</c>) and what.</summary>
/// <param name="Path">The field path in Discord's notation.</param>
/// <param name="Message">A readable explanation, e.g. "300 characters, the limit is 256".</param>
public sealed record DiscordValidationError(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
