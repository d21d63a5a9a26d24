namespace SeedreamBot.Fakes.Discord.Gateway;

/// <summary>One connection the fake accepted.</summary>
/// <param name="Id">1 for the first connection, and so on.</param>
/// <param name="QueryString">The query string it connected with, including '?'.</param>
/// <param name="ViaResumeUrl">Whether it connected to the <c>resume_gateway_url</c> from READY.</param>
/// <param name="ShardId">The shard it identified or resumed as, if it got that far.</param>
/// <param name="Identified">Whether it identified (as opposed to resumed).</param>
/// <param name="ClientCloseCode">The close code the client sent, if it closed cleanly.</param>
/// <param name="ServerCloseCode">The close code the fake sent, if it closed the connection.</param>
/// <param name="Open">Whether it is still open.</param>
public sealed record FakeGatewayConnectionInfo(
    int Id,
    string QueryString,
    bool ViaResumeUrl,
    int? ShardId,
    bool Identified,
    int? ClientCloseCode,
    int? ServerCloseCode,
    bool Open);
