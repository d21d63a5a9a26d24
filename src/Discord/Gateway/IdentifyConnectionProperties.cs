namespace SeedreamBot.Discord.Gateway;

/// <summary>The <c>properties</c> of Identify: who is connecting.</summary>
internal sealed record IdentifyConnectionProperties(string Os, string Browser, string Device)
{
    public const string LibraryName = "SeedreamBot";

    public static IdentifyConnectionProperties Current { get; } = new(DescribeOs(), LibraryName, LibraryName);

    private static string DescribeOs() =>
        OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsMacOS() ? "macos"
        : OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsFreeBSD() ? "freebsd"
        : "unknown";
}
