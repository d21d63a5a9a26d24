namespace SeedreamBot.Core.Seedream;

/// <summary><c>Me.team</c>.</summary>
internal sealed class MeTeamBody
{
    public string? Name { get; set; }

    public long? Credits { get; set; }

    public string? Plan { get; set; }
}
