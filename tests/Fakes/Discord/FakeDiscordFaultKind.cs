namespace SeedreamBot.Fakes.Discord;

public enum FakeDiscordFaultKind
{
    SlowBeforeApplying,
    ApplyThenFail,
    ApplyThenHang,
}
