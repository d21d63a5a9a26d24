namespace SeedreamBot.Bot.Interactions;

/// <summary>
/// What a handler answers: application commands by name (slash and message commands) and components or modals
/// by the first segment of their custom id (<c>gen:reroll:…</c> → <c>gen</c>).
/// </summary>
public sealed record InteractionRoutes(IReadOnlyCollection<string> Commands, IReadOnlyCollection<string> CustomIdPrefixes)
{
    public static InteractionRoutes ForCommands(params string[] names) => new(names, []);

    public InteractionRoutes WithCustomIdPrefixes(params string[] prefixes) => this with { CustomIdPrefixes = prefixes };
}
