using System.IO.Compression;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// The ledger CSV packed into one attachment no larger than the upload limit: as is; else gzip-compressed (CSV
/// compresses about tenfold); else the newest entries that fit, with the header, as plain CSV. Everything works on
/// files and streams in fixed-size buffers, so a ledger of any size never has to fit in memory.
/// </summary>
/// <param name="File">The attachment, read from its file when it is uploaded.</param>
/// <param name="Kind">Which of the three it is.</param>
/// <param name="Entries">How many ledger entries it holds.</param>
public sealed record LedgerFile(DiscordFile File, LedgerFileKind Kind, int Entries)
{
    public const string CsvType = "text/csv";
    public const string GzipType = "application/gzip";

    private const int BufferBytes = 64 * 1024;

    /// <summary>The best attachment for the CSV in <paramref name="csvPath"/>, or null when not even the header and one entry fit.</summary>
    /// <param name="csvPath">The whole export, UTF-8, header first, CRLF rows. Other files are written beside it.</param>
    /// <param name="entries">The number of entries in it.</param>
    /// <param name="limit">The interaction's upload limit in bytes.</param>
    /// <param name="baseName">The file name without extension, e.g. <c>ledger-123-2025-01-31</c>.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public static async Task<LedgerFile?> FitAsync(string csvPath, int entries, long limit, string baseName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(csvPath);
        var length = new FileInfo(csvPath).Length;
        if (length <= limit)
        {
            return new LedgerFile(FromFile(baseName + ".csv", csvPath, CsvType), LedgerFileKind.Full, entries);
        }

        var gzipPath = csvPath + ".gz";
        if (await CompressAsync(csvPath, gzipPath, limit, cancellationToken).ConfigureAwait(false))
        {
            return new LedgerFile(FromFile(baseName + ".csv.gz", gzipPath, GzipType), LedgerFileKind.Compressed, entries);
        }

        var tail = await FindNewestThatFitAsync(csvPath, length, limit, cancellationToken).ConfigureAwait(false);
        if (tail is not { } newest)
        {
            return null;
        }

        var newestPath = csvPath + ".newest";
        await using (var output = Create(newestPath))
        await using (var input = OpenRead(csvPath))
        {
            await CopyAsync(input, output, newest.HeaderLength, cancellationToken).ConfigureAwait(false);
            input.Seek(newest.FirstKept, SeekOrigin.Begin);
            await input.CopyToAsync(output, BufferBytes, cancellationToken).ConfigureAwait(false);
        }

        return new LedgerFile(FromFile(baseName + "-newest.csv", newestPath, CsvType), LedgerFileKind.Newest, newest.Rows);
    }

    /// <summary>The file as an attachment that is read from disk at upload time.</summary>
    private static DiscordFile FromFile(string fileName, string path, string contentType) =>
        DiscordFile.FromStream(fileName, new FileInfo(path).Length, () => OpenRead(path), contentType);

    /// <summary>Gzips the CSV; false (and gives up early) once the result would not fit <paramref name="limit"/>.</summary>
    private static async Task<bool> CompressAsync(string csvPath, string gzipPath, long limit, CancellationToken cancellationToken)
    {
        await using var output = Create(gzipPath);
        await using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        await using (var input = OpenRead(csvPath))
        {
            var buffer = new byte[BufferBytes];
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await gzip.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                if (output.Length > limit)
                {
                    return false;
                }
            }
        }

        return output.Length <= limit;
    }

    /// <summary>
    /// Where the newest rows that fit with the header start, found in one pass that keeps only counters. RFC 4180: a row
    /// ends at CRLF outside quotes (a quoted field may hold line breaks). Scanning bytes is safe in UTF-8: quote, CR
    /// and LF never occur inside a multi-byte character.
    /// </summary>
    private static async Task<(int HeaderLength, long FirstKept, int Rows)?> FindNewestThatFitAsync(
        string csvPath, long length, long limit, CancellationToken cancellationToken)
    {
        await using var input = OpenRead(csvPath);
        var buffer = new byte[BufferBytes];
        var quoted = false;
        var previous = (byte)0;
        long position = 0;
        long headerLength = -1;
        long firstKept = -1;
        var rows = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            for (var i = 0; i < read; i++, position++)
            {
                var current = buffer[i];
                if (current == (byte)'"')
                {
                    quoted = !quoted;
                }
                else if (current == (byte)'\n' && !quoted && previous == (byte)'\r' && position + 1 < length)
                {
                    // A row starts at position + 1.
                    var rowStart = position + 1;
                    if (headerLength < 0)
                    {
                        headerLength = rowStart;
                    }
                    else if (firstKept >= 0)
                    {
                        rows++;
                    }

                    if (firstKept < 0 && headerLength + (length - rowStart) <= limit)
                    {
                        firstKept = rowStart;
                        rows = 1;
                    }
                }

                previous = current;
            }
        }

        return headerLength < 0 || firstKept < 0 ? null : ((int)headerLength, firstKept, rows);
    }

    private static async Task CopyAsync(Stream input, Stream output, long count, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(BufferBytes, Math.Max(1, count))];
        while (count > 0)
        {
            var read = await input.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            count -= read;
        }
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.Asynchronous | FileOptions.SequentialScan);

    private static FileStream Create(string path) =>
        new(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, BufferBytes, FileOptions.Asynchronous);
}
