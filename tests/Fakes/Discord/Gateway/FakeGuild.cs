namespace SeedreamBot.Fakes.Discord.Gateway;

/// <summary>A server the fake bot is in.</summary>
public sealed record FakeGuild(ulong Id, string Name, int MemberCount = 2);
