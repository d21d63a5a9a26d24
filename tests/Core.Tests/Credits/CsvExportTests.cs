using System.Globalization;
using SeedreamBot.Core.Credits;

namespace SeedreamBot.Core.Tests.Credits;

public sealed class CsvExportTests : IDisposable
{
    private readonly LedgerHarness _harness = new(new CreditOptions { DefaultAllowance = 5000 });

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task The_export_parses_back_into_exactly_the_guilds_entries()
    {
        var alice = LedgerHarness.Member(1);
        string[] tricky =
        [
            "plain", "with, comma", "with \"quotes\"", "multi\r\nline", "line\nfeed only", "trailing space ", "=SUM(A1)",
            "ünïcødé ✓", "",
        ];
        foreach (var reason in tricky)
        {
            _harness.Moderation.Grant(LedgerHarness.Moderator, alice, 2, reason);
            _harness.Time.Advance(TimeSpan.FromMilliseconds(1234));
        }

        _harness.Ledger.TryHold(alice, "gen,\"odd\"", 4);
        _harness.Ledger.Settle("gen,\"odd\"");
        _harness.Moderation.Grant(LedgerHarness.Moderator, new CreditMember(new Core.Credits.CreditScope(999, 1), []), 1, "other guild");

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var count = await _harness.Moderation.ExportCsvAsync(LedgerHarness.Guild, writer);
        var records = Rfc4180Reader.Parse(writer.ToString());

        Assert.Equal(CreditCsv.Columns, records[0]);
        var rows = records.Skip(1).ToList();
        Assert.Equal(count, rows.Count);
        var expected = _harness.Entries(alice.Scope);
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var entry = expected[i];
            Assert.Equal(entry.Id.ToString(CultureInfo.InvariantCulture), row[0]);
            Assert.Equal(entry.Time, DateTimeOffset.ParseExact(row[1], "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
            Assert.EndsWith("Z", row[1], StringComparison.Ordinal);
            Assert.Equal(CreditEntryKindNames.NameOf(entry.Kind), row[2]);
            Assert.Equal(("500", "1"), (row[3], row[4]));
            Assert.Equal(entry.ActorId?.ToString(CultureInfo.InvariantCulture) ?? "", row[5]);
            Assert.Equal(entry.Delta, int.Parse(row[6], CultureInfo.InvariantCulture));
            Assert.Equal((entry.BalanceBefore, entry.BalanceAfter, entry.Amount),
                (int.Parse(row[7], CultureInfo.InvariantCulture), int.Parse(row[8], CultureInfo.InvariantCulture), int.Parse(row[9], CultureInfo.InvariantCulture)));
            Assert.Equal(CreditCsv.Text(entry.GenerationId), row[10]);
            Assert.Equal(CreditCsv.Text(entry.Reason), row[11]);
        }

        Assert.Equal(tricky.Where(r => r.Length > 0).Select(r => CreditCsv.Text(r.Trim())), rows.Where(r => r[2] == "grant" && r[11].Length > 0).Select(r => r[11]));
        Assert.Contains(rows, r => r[2] == "settle" && r[10] == "gen,\"odd\"");
    }

    [Fact]
    public async Task A_large_ledger_is_exported_completely_across_batches_oldest_first()
    {
        var members = Enumerable.Range(1, 3).Select(i => LedgerHarness.Member((ulong)i)).ToArray();
        for (var i = 0; i < 1200; i++)
        {
            _harness.Moderation.Grant(LedgerHarness.Moderator, members[i % 3], 1, $"n{i}");
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var count = await _harness.Moderation.ExportCsvAsync(LedgerHarness.Guild, writer);

        var rows = Rfc4180Reader.Parse(writer.ToString()).Skip(1).ToList();
        Assert.Equal(1203, count);
        Assert.Equal(1203, rows.Count);
        var ids = rows.Select(r => long.Parse(r[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Text_a_spreadsheet_would_run_as_a_formula_is_written_with_a_leading_quote_and_numbers_stay_numbers()
    {
        var alice = LedgerHarness.Member(1);
        string[] formulas = ["=HYPERLINK(\"https://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A9)", "\tcmd", "\rcmd"];
        foreach (var reason in formulas)
        {
            // Reasons are trimmed, so a leading tab or CR cannot survive into a stored reason; the cell rule covers them anyway.
            _harness.Moderation.Grant(LedgerHarness.Moderator, alice, 1, reason);
        }

        _harness.Ledger.TryHold(alice, "gen-1", 4);
        _harness.Ledger.Release("gen-1", "\t=cmd|'/C calc'!A0");
        _harness.Moderation.Take(LedgerHarness.Moderator, alice, 3, "safe reason");

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await _harness.Moderation.ExportCsvAsync(LedgerHarness.Guild, writer);
        var rows = Rfc4180Reader.Parse(writer.ToString()).Skip(1).ToList();

        Assert.Equal(
            ["'=HYPERLINK(\"https://evil.example\",\"x\")", "'+1+1", "'-2+3", "'@SUM(A1:A9)", "cmd", "cmd"],
            rows.Where(r => r[2] == "grant").Select(r => r[11]));
        Assert.Equal("'=cmd|'/C calc'!A0", rows.Single(r => r[2] == "release")[11]);
        Assert.Equal(("'\tcmd", "'\rcmd", "'-1"), (CreditCsv.Text("\tcmd"), CreditCsv.Text("\rcmd"), CreditCsv.Text("-1")));
        Assert.Equal("safe reason", rows.Single(r => r[2] == "take")[11]);
        Assert.Equal("-3", rows.Single(r => r[2] == "take")[6]);
        Assert.Equal("-4", rows.Single(r => r[2] == "hold")[6]);
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '@' or '\t' or '\r', cell));
    }

    [Fact]
    public async Task An_empty_guild_exports_only_the_header()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        Assert.Equal(0, await _harness.Moderation.ExportCsvAsync(12345, writer));
        Assert.Equal(CreditCsv.Header, writer.ToString());
    }

    [Fact]
    public async Task The_export_stops_when_cancelled()
    {
        _harness.Moderation.Grant(LedgerHarness.Moderator, LedgerHarness.Member(1), 1);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _harness.Moderation.ExportCsvAsync(LedgerHarness.Guild, new StringWriter(CultureInfo.InvariantCulture), cancelled.Token));
    }
}
