namespace SeedreamBot.Bot.Operators;

/// <summary>What operators are shown of a server: its name and roughly how many members it has.</summary>
public sealed record GuildInfo(ulong Id, string Name, int? MemberCount);
