namespace SeedreamBot.Discord.Models.Validation;

/// <summary>
/// A request broke one of Discord's limits and was not sent. The message lists every problem with its field path,
/// e.g. <c>embeds[0].title: 300 characters, the limit is 256</c>.
/// </summary>
public sealed class DiscordValidationException : ArgumentException
{
    public DiscordValidationException(IReadOnlyList<DiscordValidationError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public DiscordValidationException()
        : this([])
    {
    }

    public DiscordValidationException(string message)
        : this([new DiscordValidationError("", message)])
    {
    }

    public DiscordValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new DiscordValidationError("", message)];
    }

    public IReadOnlyList<DiscordValidationError> Errors { get; }

    private static string Describe(IReadOnlyList<DiscordValidationError> errors) => errors.Count switch
    {
        0 => "The request breaks Discord's limits.",
        1 => $"Not sent, it breaks Discord's limits: {errors[0]}",
        _ => $"Not sent, it breaks Discord's limits ({errors.Count} problems): {string.Join("; ", errors)}",
    };
}
