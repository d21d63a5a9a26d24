namespace SeedreamBot.Core.Storage;

/// <summary>
/// The database log's counters at one moment (for tests): writes so far, how many of them the last fsync covered,
/// and how many fsyncs there were.
/// </summary>
internal readonly record struct LogDurability(long Writes, long DurableWrites, long Syncs);
