namespace SeedreamBot.Discord.Models;

/// <summary>An emoji on a button: a unicode emoji by <see cref="Name"/>, or a custom one by <see cref="Id"/>.</summary>
public sealed class ComponentEmoji
{
    public ulong? Id { get; init; }

    public string? Name { get; init; }

    public bool? Animated { get; init; }
}
