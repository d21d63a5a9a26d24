namespace SeedreamBot.Core.Storage;

/// <summary>
/// Trims a page that a killed process left half-written at the end of LiteDB's files. LiteDB reads its files in whole
/// 8 KiB pages (and would trim such a page silently; this does it first so the operator sees it in the log). Such a
/// page never belongs to a confirmed transaction (a
/// transaction is confirmed by its last page, and <see cref="SeedreamDatabase.Write{T}"/> returns only after all
/// of its pages were written), so dropping it loses nothing that was reported as committed.
/// </summary>
internal static class LiteDbFileRepair
{
    public const int PageSize = 8192;

    /// <summary>LiteDB's write-ahead log file beside <paramref name="databasePath"/>.</summary>
    public static string LogPathOf(string databasePath)
    {
        var directory = Path.GetDirectoryName(databasePath) ?? string.Empty;
        var name = Path.GetFileNameWithoutExtension(databasePath);
        var extension = Path.GetExtension(databasePath);
        return Path.Combine(directory, name + "-log" + extension);
    }

    /// <summary>Trims both files; returns a description of each one that needed it (empty when none did).</summary>
    public static IReadOnlyList<string> TrimTornPages(Stream data, Stream log, string databasePath)
    {
        var repaired = new List<string>();
        var logHasContent = log.Length > 0;
        Trim(log, LogPathOf(databasePath), repaired);

        // The data file only grows during a checkpoint, which copies pages from the log and clears the log last; a
        // torn data page therefore still has its copy in the log and is rewritten when LiteDB replays it.
        if (logHasContent)
        {
            Trim(data, databasePath, repaired);
        }

        return repaired;
    }

    private static void Trim(Stream stream, string path, List<string> repaired)
    {
        var torn = stream.Length % PageSize;
        if (torn == 0)
        {
            return;
        }

        stream.SetLength(stream.Length - torn);
        stream.Flush();
        repaired.Add($"{Path.GetFileName(path)}: dropped a half-written last page ({torn} bytes)");
    }
}
