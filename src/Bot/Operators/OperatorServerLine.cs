using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Servers;

namespace SeedreamBot.Bot.Operators;

/// <summary>One server in <c>/operator servers</c>.</summary>
public sealed record OperatorServerLine(
    ulong GuildId,
    GuildInfo? Guild,
    ServerRecord? Record,
    AdmissionDecision Decision,
    ServerPoolBalance Pool);
