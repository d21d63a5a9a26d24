namespace SeedreamBot.Core.Storage;

/// <summary>
/// Trims a page that a killed process left half-written at the end of LiteDB's files. LiteDB 5 reads its files in
/// whole 8 KiB pages and refuses a short last page; such a page never belongs to a confirmed transaction (a
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

    /// <summary>Returns a description of each file that was trimmed (empty when nothing needed it).</summary>
    public static IReadOnlyList<string> TrimTornPages(string databasePath)
    {
        var repaired = new List<string>();
        var log = LogPathOf(databasePath);
        var logHasContent = File.Exists(log) && new FileInfo(log).Length > 0;
        TrimFile(log, repaired);

        // The data file only grows during a checkpoint, which copies pages from the log and clears the log last; a
        // torn data page therefore still has its copy in the log and is rewritten when LiteDB replays it.
        if (logHasContent)
        {
            TrimFile(databasePath, repaired);
        }

        return repaired;
    }

    private static void TrimFile(string path, List<string> repaired)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var torn = stream.Length % PageSize;
        if (torn == 0)
        {
            return;
        }

        stream.SetLength(stream.Length - torn);
        stream.Flush(flushToDisk: true);
        repaired.Add($"{Path.GetFileName(path)}: dropped a half-written last page ({torn} bytes)");
    }
}
