using System.ComponentModel.DataAnnotations;

namespace SeedreamBot.Bot.Operations;

/// <summary>
/// <c>Logging:Format</c>: how the console log looks. A shorthand for .NET's <c>Logging:Console:FormatterName</c>
/// (which wins when both are set); the rest of the <c>Logging</c> section is .NET's own.
/// </summary>
public sealed class LogFormatOptions : IValidatableObject
{
    public const string SectionName = "Logging";

    /// <summary>The .NET console formatter <c>Logging:Format</c> stands for.</summary>
    public const string FormatterNameKey = "Logging:Console:FormatterName";

    public static IReadOnlyList<string> Formats { get; } = ["simple", "json", "systemd"];

    /// <summary>
    /// <c>simple</c> (one readable line per event, the default), <c>json</c> (one JSON object per line, for log
    /// collectors) or <c>systemd</c> (plain lines with syslog priorities, for journald).
    /// </summary>
    public string Format { get; set; } = "simple";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Formats.Contains(Format?.Trim() ?? "", StringComparer.OrdinalIgnoreCase))
        {
            yield return new ValidationResult(
                "Logging:Format must be simple, json or systemd (default simple, env Logging__Format).", [nameof(Format)]);
        }
    }
}
