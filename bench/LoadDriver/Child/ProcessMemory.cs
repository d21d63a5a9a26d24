using System.Globalization;

namespace SeedreamBot.Bench.LoadDriver.Child;

/// <summary>
/// A process's resident memory from <c>/proc/&lt;pid&gt;/status</c>: <c>VmRSS</c> (the working set now) and
/// <c>VmHWM</c> (its peak since start or since <see cref="TryResetPeak"/>).
/// </summary>
internal readonly record struct ProcessMemory(long ResidentBytes, long PeakResidentBytes)
{
    public static ProcessMemory Read(int processId)
    {
        long rss = 0;
        long hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = ParseKilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = ParseKilobytes(line);
            }
        }

        return new ProcessMemory(rss, hwm);
    }

    /// <summary>
    /// Resets <c>VmHWM</c> to the current RSS (writing 5 to <c>clear_refs</c>, Linux ≥ 4.0), so a scenario's peak
    /// is not an earlier one. False when the kernel refuses; the caller then relies on sampling.
    /// </summary>
    public static bool TryResetPeak(int processId)
    {
        try
        {
            File.WriteAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long ParseKilobytes(string line)
    {
        // "VmRSS:	   81234 kB"
        var digits = line.AsSpan(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim();
        var space = digits.IndexOf(' ');
        var number = space < 0 ? digits : digits[..space];
        return long.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture) * 1024;
    }
}
