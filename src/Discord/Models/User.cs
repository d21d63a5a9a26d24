namespace SeedreamBot.Discord.Models;

/// <summary>A Discord user (the parts a bot uses).</summary>
public sealed class User
{
    public ulong Id { get; init; }

    public string Username { get; init; } = "";

    /// <summary>"0" for users on the new username system.</summary>
    public string? Discriminator { get; init; }

    /// <summary>The display name the user chose, if any.</summary>
    public string? GlobalName { get; init; }

    public string? Avatar { get; init; }

    public bool? Bot { get; init; }

    public bool? System { get; init; }

    /// <summary>What Discord shows for the user: the global name, else the username.</summary>
    public string DisplayName => string.IsNullOrEmpty(GlobalName) ? Username : GlobalName;

    /// <summary>The mention markup, <c>&lt;@id&gt;</c>.</summary>
    public string Mention => $"<@{Id}>";

    public override string ToString() => $"{DisplayName} ({Id})";
}
