using System.IO.Compression;
using System.Text;
using SeedreamBot.Bot.Credits;
using SeedreamBot.Core.Credits;

namespace SeedreamBot.Bot.Tests.Credits;

/// <summary>How an export is fitted into the upload limit: whole, gzip-compressed, or the newest rows.</summary>
public sealed class LedgerFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("seedreambot-ledgerfile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_ledger_within_the_limit_is_sent_whole_as_csv()
    {
        var csv = Csv(3, seed: 1);
        var file = (await FitAsync(csv, 3, csv.Length, "ledger-1-2025-01-31"))!;
        Assert.Equal(LedgerFileKind.Full, file.Kind);
        Assert.Equal("ledger-1-2025-01-31.csv", file.File.FileName);
        Assert.Equal("text/csv", file.File.ContentType);
        Assert.Equal(csv, Bytes(file.File));
        Assert.Equal(3, file.Entries);
    }

    [Fact]
    public async Task A_ledger_one_byte_over_the_limit_is_compressed_and_decompresses_to_the_same_bytes()
    {
        var csv = Encoding.UTF8.GetBytes(CreditCsv.Header + string.Concat(Enumerable.Repeat("1,2025-01-01T00:00:00.000Z,grant,1,2,3,5,0,5,5,,same reason\r\n", 50)));
        var file = (await FitAsync(csv, 50, csv.Length - 1, "ledger"))!;
        Assert.Equal(LedgerFileKind.Compressed, file.Kind);
        Assert.Equal("ledger.csv.gz", file.File.FileName);
        Assert.Equal("application/gzip", file.File.ContentType);
        Assert.True(file.File.Length < csv.Length - 1);
        Assert.Equal(csv, Decompress(Bytes(file.File)));
    }

    [Fact]
    public async Task When_even_compressed_it_does_not_fit_the_newest_rows_that_fit_are_sent_with_the_header()
    {
        // Random reasons barely compress, so gzip cannot save it.
        var csv = Csv(200, seed: 7);
        var limit = csv.Length / 4;
        var file = (await FitAsync(csv, 200, limit, "ledger"))!;

        Assert.Equal(LedgerFileKind.Newest, file.Kind);
        Assert.Equal("ledger-newest.csv", file.File.FileName);
        Assert.True(file.File.Length <= limit);
        var rows = CsvRows.Parse(Encoding.UTF8.GetString(Bytes(file.File)));
        Assert.Equal(CreditCsv.Columns, rows[0]);
        Assert.Equal(file.Entries, rows.Count - 1);
        Assert.InRange(file.Entries, 10, 199);

        // The newest ones, in order, ending with the very last entry; one more would not have fit.
        var all = CsvRows.Parse(Encoding.UTF8.GetString(csv));
        Assert.Equal(all.Skip(all.Count - file.Entries), rows.Skip(1));
        var oneMore = Encoding.UTF8.GetByteCount(string.Join(',', all[all.Count - file.Entries - 1]) + "\r\n");
        Assert.True(file.File.Length + oneMore > limit);
    }

    [Fact]
    public async Task Quoted_fields_with_line_breaks_are_never_split()
    {
        var rows = new StringBuilder(CreditCsv.Header);
        for (var i = 0; i < 60; i++)
        {
            rows.Append(i).Append(",t,grant,1,2,3,1,0,1,1,,\"line one\r\nline two ").Append(Random(new Random(i), 40).Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\"\r\n");
        }

        var csv = Encoding.UTF8.GetBytes(rows.ToString());
        var file = (await FitAsync(csv, 60, csv.Length / 3, "ledger"))!;
        Assert.Equal(LedgerFileKind.Newest, file.Kind);
        var parsed = CsvRows.Parse(Encoding.UTF8.GetString(Bytes(file.File)));
        Assert.All(parsed.Skip(1), row => Assert.StartsWith("line one\r\nline two ", row[11], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_is_sent_when_not_even_one_entry_fits()
    {
        var csv = Csv(5, seed: 3);
        Assert.Null(await FitAsync(csv, 5, Encoding.UTF8.GetByteCount(CreditCsv.Header) + 10, "ledger"));
    }

    [Fact]
    public async Task The_attachment_is_read_from_its_file_at_upload_time_and_not_kept_in_memory()
    {
        var csv = Csv(5, seed: 4);
        var file = (await FitAsync(csv, 5, csv.Length, "ledger"))!;
        Assert.True(file.File.Content.IsEmpty);
        Assert.NotNull(file.File.OpenContent);
        Assert.Equal(csv.Length, file.File.Length);
        Assert.Equal(csv, Bytes(file.File));
        Assert.Equal(csv, Bytes(file.File));
    }

    private static byte[] Bytes(SeedreamBot.Discord.Models.DiscordFile file)
    {
        using var stream = file.OpenContent!();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private async Task<LedgerFile?> FitAsync(byte[] csv, int entries, long limit, string baseName)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllBytesAsync(path, csv);
        return await LedgerFile.FitAsync(path, entries, limit, baseName);
    }

    private static byte[] Csv(int entries, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(CreditCsv.Header);
        for (var i = 1; i <= entries; i++)
        {
            text.Append(i).Append(",2025-01-01T00:00:00.000Z,grant,1,2,3,5,0,5,5,,\"")
                .Append(Random(random, 60).Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\"\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Random(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => (char)random.Next('!', '~' + 1)).ToArray());

    private static byte[] Decompress(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
