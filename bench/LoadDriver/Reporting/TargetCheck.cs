namespace SeedreamBot.Bench.LoadDriver.Reporting;

/// <summary>One row of the targets table: what was promised, what was measured, and whether it held.</summary>
/// <param name="Passed">null when the scenario did not run.</param>
internal sealed record TargetCheck(string Target, string Measured, bool? Passed)
{
    public string Verdict => Passed switch
    {
        true => "PASS",
        false => "**MISS**",
        null => "not run",
    };

    public string ToMarkdownRow() => $"| {Target} | {Measured} | {Verdict} |";
}
