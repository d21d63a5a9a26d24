namespace SeedreamBot.Discord.Gateway;

/// <summary>How a connection ended, and the close code Discord sent if it closed it.</summary>
internal readonly record struct ConnectionOutcome(ConnectionEnd End, int? CloseCode = null)
{
    public static ConnectionOutcome Resume { get; } = new(ConnectionEnd.Resume);

    public static ConnectionOutcome Stopped { get; } = new(ConnectionEnd.Stopped);
}
