namespace SeedreamBot.Core.Seedream;

/// <summary>The part of <c>GET /v2/me</c> the bot needs: the team and its credits.</summary>
internal sealed class MeBody
{
    public MeTeamBody? Team { get; set; }
}
