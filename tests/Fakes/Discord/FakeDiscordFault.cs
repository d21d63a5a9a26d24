namespace SeedreamBot.Fakes.Discord;

/// <summary>
/// A way Discord misbehaves for a request: slow before it applies anything, or applying the request and then failing
/// or hanging, so the client cannot tell whether it took effect (the case the bot must resolve by asking).
/// </summary>
public sealed record FakeDiscordFault(FakeDiscordFaultKind Kind, TimeSpan Delay, int Status)
{
    /// <summary>Waits <paramref name="delay"/> before handling the request; a client that gave up by then changed nothing.</summary>
    public static FakeDiscordFault Slow(TimeSpan delay) => new(FakeDiscordFaultKind.SlowBeforeApplying, delay, 0);

    /// <summary>Applies the request, then answers <paramref name="status"/> (a 5xx) instead of the result.</summary>
    public static FakeDiscordFault ApplyThenFail(int status = 500) => new(FakeDiscordFaultKind.ApplyThenFail, TimeSpan.Zero, status);

    /// <summary>Applies the request, then holds the answer back for <paramref name="delay"/> (the client times out).</summary>
    public static FakeDiscordFault ApplyThenHang(TimeSpan delay) => new(FakeDiscordFaultKind.ApplyThenHang, delay, 0);
}
