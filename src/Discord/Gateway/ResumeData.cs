namespace SeedreamBot.Discord.Gateway;

/// <summary>The <c>d</c> of op 6 Resume. A class, not a record, so the token never reaches a ToString.</summary>
internal sealed class ResumeData
{
    public required string Token { get; init; }

    public required string SessionId { get; init; }

    public required int Seq { get; init; }

    public override string ToString() => $"Resume(session {SessionId}, seq {Seq})";
}
