namespace SeedreamBot.Core.Servers;

/// <summary>The operators' own settings, changed with <c>/operator</c>.</summary>
/// <param name="AlertChannelId">Where bot-wide alerts and server requests go; null sends them to each operator by DM.</param>
/// <param name="Locale">The Discord locale operator messages are written in (of the server or operator that set the channel).</param>
/// <param name="UpdatedBy">The operator who changed them last.</param>
/// <param name="UpdatedAt">When.</param>
public sealed record OperatorSettings(ulong? AlertChannelId, string? Locale, ulong? UpdatedBy, DateTimeOffset? UpdatedAt)
{
    public static OperatorSettings Empty { get; } = new(null, null, null, null);
}
