using System.IO.Compression;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// The ledger CSV packed into one attachment no larger than the upload limit: as is; else gzip-compressed (CSV
/// compresses about tenfold); else the newest entries that fit, with the header, as plain CSV.
/// </summary>
/// <param name="File">The attachment.</param>
/// <param name="Kind">Which of the three it is.</param>
/// <param name="Entries">How many ledger entries it holds.</param>
public sealed record LedgerFile(DiscordFile File, LedgerFileKind Kind, int Entries)
{
    public const string CsvType = "text/csv";
    public const string GzipType = "application/gzip";

    /// <summary>The best attachment for <paramref name="csv"/>, or null when not even the header and one entry fit.</summary>
    /// <param name="csv">The whole export, UTF-8, header first, CRLF rows.</param>
    /// <param name="entries">The number of entries in it.</param>
    /// <param name="limit">The interaction's upload limit in bytes.</param>
    /// <param name="baseName">The file name without extension, e.g. <c>ledger-123-2025-01-31</c>.</param>
    public static LedgerFile? Fit(byte[] csv, int entries, long limit, string baseName)
    {
        ArgumentNullException.ThrowIfNull(csv);
        if (csv.LongLength <= limit)
        {
            return new LedgerFile(new DiscordFile(baseName + ".csv", csv, CsvType), LedgerFileKind.Full, entries);
        }

        var compressed = Compress(csv);
        if (compressed.LongLength <= limit)
        {
            return new LedgerFile(new DiscordFile(baseName + ".csv.gz", compressed, GzipType), LedgerFileKind.Compressed, entries);
        }

        var rows = RowStarts(csv);
        if (rows.Count < 2)
        {
            return null;
        }

        // rows[0] is the header; keep it and as many of the last rows as fit.
        var headerLength = rows[1];
        var firstKept = rows.Count;
        while (firstKept > 1 && headerLength + (csv.LongLength - rows[firstKept - 1]) <= limit)
        {
            firstKept--;
        }

        if (firstKept == rows.Count)
        {
            return null;
        }

        var newest = new byte[headerLength + (csv.Length - rows[firstKept])];
        csv.AsSpan(0, headerLength).CopyTo(newest);
        csv.AsSpan(rows[firstKept]).CopyTo(newest.AsSpan(headerLength));
        return new LedgerFile(new DiscordFile(baseName + "-newest.csv", newest, CsvType), LedgerFileKind.Newest, rows.Count - firstKept);
    }

    private static byte[] Compress(byte[] csv)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(csv);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Where each CSV row starts. RFC 4180: a row ends at CRLF outside quotes (a quoted field may hold line breaks).
    /// Scanning bytes is safe in UTF-8: quote, CR and LF never occur inside a multi-byte character.
    /// </summary>
    private static List<int> RowStarts(byte[] csv)
    {
        var starts = new List<int> { 0 };
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            switch (csv[i])
            {
                case (byte)'"':
                    quoted = !quoted;
                    break;
                case (byte)'\n' when !quoted && i > 0 && csv[i - 1] == '\r' && i + 1 < csv.Length:
                    starts.Add(i + 1);
                    break;
            }
        }

        return starts;
    }
}
