using System.Globalization;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.CrashWriter;

/// <summary>
/// Prints one line per acknowledged operation, from any thread:
/// <c>&lt;operation&gt; &lt;key&gt; &lt;fsyncs before&gt; &lt;log writes before&gt; &lt;fsyncs after&gt;
/// &lt;log writes durable after&gt; &lt;commits after&gt; &lt;writes that shared a commit so far&gt;</c>.
/// "Before" is read before the operation started, "after" once it returned.
/// </summary>
internal sealed class OperationReport(TextWriter output, SeedreamDatabase database)
{
    private readonly Lock _gate = new();

    public LogDurability Counters() => database.LogDurability;

    public void Report(string operation, string key, LogDurability before)
    {
        var after = database.LogDurability;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{operation} {key} {before.Syncs} {before.Writes} {after.Syncs} {after.DurableWrites} {database.CommitCount} {database.SharedWrites}");
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
