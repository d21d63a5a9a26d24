namespace SeedreamBot.Core.Storage;

/// <summary>
/// The copies of a database taken before a schema upgrade: <c>&lt;name&gt;.before-v&lt;schema&gt;.bak</c> beside the
/// data file and its LiteDB log, where schema is the version the upgrade brings the file to. An older build refuses
/// an upgraded file, so these copies are what an operator restores to roll back. They are never overwritten: the
/// first copy before an upgrade to a version is the one taken from the older build's file.
/// </summary>
/// <param name="DataCopy">The copy of the data file.</param>
/// <param name="LogCopy">The copy of LiteDB's log file (empty after the checkpoint that precedes the copy).</param>
public sealed record SchemaBackup(string DataCopy, string LogCopy)
{
    /// <summary>Where the copies of <paramref name="databasePath"/> go before an upgrade to <paramref name="schemaVersion"/>.</summary>
    public static SchemaBackup For(string databasePath, int schemaVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(schemaVersion);
        var suffix = string.Create(System.Globalization.CultureInfo.InvariantCulture, $".before-v{schemaVersion}.bak");
        return new SchemaBackup(databasePath + suffix, LiteDbFileRepair.LogPathOf(databasePath) + suffix);
    }
}
