namespace SeedreamBot.Discord.Models;

/// <summary>The bot's application (<c>GET /applications/@me</c>).</summary>
public sealed class Application
{
    public ulong Id { get; init; }

    public string Name { get; init; } = "";

    public string? Icon { get; init; }

    public string Description { get; init; } = "";

    public bool? BotPublic { get; init; }

    public bool? BotRequireCodeGrant { get; init; }

    public User? Bot { get; init; }

    /// <summary>
    /// The owner: a real user, or, for a team-owned application, the team's placeholder user (then <see cref="Team"/>
    /// names the people).
    /// </summary>
    public User? Owner { get; init; }

    /// <summary>The team that owns the application, when a team does.</summary>
    public Team? Team { get; init; }

    /// <summary>Hex public key for verifying HTTP interactions (unused by a gateway bot).</summary>
    public string? VerifyKey { get; init; }

    public int? Flags { get; init; }

    public int? ApproximateGuildCount { get; init; }

    public override string ToString() => $"{Name} ({Id})";
}
