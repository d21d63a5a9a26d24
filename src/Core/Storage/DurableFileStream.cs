using Microsoft.Win32.SafeHandles;

namespace SeedreamBot.Core.Storage;

/// <summary>
/// A database file opened exclusively, whose fsync this process controls. LiteDB 5 flushes its log after every
/// single page it writes; for the log that flush is made free here and <see cref="Sync"/> is called once per commit
/// instead (shared by commits that arrive together). For the data file, which LiteDB flushes after a checkpoint and
/// before it empties the log, <see cref="Flush"/> is a real fsync.
/// </summary>
internal sealed class DurableFileStream : Stream
{
    private readonly SafeFileHandle _handle;

    private readonly FileStream _stream;

    private readonly bool _syncOnFlush;

    private readonly Lock _syncGate = new();

    private int _dirty;

    private long _writes;

    private long _syncs;

    private long _durableWrites;

    private DurableFileStream(SafeFileHandle handle, bool syncOnFlush)
    {
        _handle = handle;
        _stream = new FileStream(handle, FileAccess.ReadWrite, bufferSize: 0);
        _syncOnFlush = syncOnFlush;
    }

    /// <summary>Opens or creates <paramref name="path"/> for this process only (a second bot on the same file fails here).</summary>
    public static DurableFileStream Open(string path, bool syncOnFlush) =>
        new(File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), syncOnFlush);

    public override bool CanRead => _stream.CanRead;

    public override bool CanSeek => _stream.CanSeek;

    public override bool CanWrite => _stream.CanWrite;

    public override long Length => _stream.Length;

    /// <summary>How many writes this stream has taken; unchanged across a transaction means it wrote nothing.</summary>
    public long WriteCount => Interlocked.Read(ref _writes);

    public override long Position
    {
        get => _stream.Position;
        set => _stream.Position = value;
    }

    /// <summary>
    /// How many fsyncs this stream has made, for tests: a commit acknowledged without one after its writes would be
    /// lost by a power cut, yet survives a killed process (its writes stay in the page cache), so only a count shows it.
    /// </summary>
    public long SyncCount => Interlocked.Read(ref _syncs);

    /// <summary>The <see cref="WriteCount"/> the last fsync covered: every write up to it is on disk (for tests).</summary>
    public long DurableWriteCount => Interlocked.Read(ref _durableWrites);

    /// <summary>Makes everything written so far durable (fsync); free when nothing was written since the last one.</summary>
    public void Sync()
    {
        // Read before the dirty flag: a write counts itself after setting the flag, so every write counted here has
        // either set the flag this fsync clears or was covered by an earlier fsync.
        // Serialized, so that a caller finding nothing to sync cannot report writes durable that another caller's
        // fsync is still flushing.
        lock (_syncGate)
        {
            var covered = Interlocked.Read(ref _writes);
            if (Interlocked.Exchange(ref _dirty, 0) == 1)
            {
                FlushToDisk();
            }

            Interlocked.Exchange(ref _durableWrites, covered);
        }
    }

    /// <summary>
    /// Copies the whole file to <paramref name="destination"/> durably: written to a temporary file, fsynced, then
    /// renamed, so a crash never leaves a partial copy under the final name. Reads at offsets through the handle
    /// this process holds (a second open would be refused by the exclusive share), leaving the position alone.
    /// </summary>
    public void CopyTo(string destination, bool overwrite)
    {
        var temporary = destination + ".tmp";
        using (var copy = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var buffer = new byte[81920];
            long offset = 0;
            int read;
            while ((read = RandomAccess.Read(_handle, buffer, offset)) > 0)
            {
                copy.Write(buffer, 0, read);
                offset += read;
            }

            copy.Flush(flushToDisk: true);
        }

        File.Move(temporary, destination, overwrite);
    }

    public override void Flush()
    {
        if (_syncOnFlush)
        {
            Sync();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => _stream.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => _stream.Read(buffer);

    public override long Seek(long offset, SeekOrigin origin) => _stream.Seek(offset, origin);

    public override void SetLength(long value)
    {
        _stream.SetLength(value);
        Written();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        _stream.Write(buffer, offset, count);
        Written();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _stream.Write(buffer);
        Written();
    }

    private void Written()
    {
        Volatile.Write(ref _dirty, 1);
        Interlocked.Increment(ref _writes);
    }

    /// <summary>The fsync itself, counted only once it returned.</summary>
    private void FlushToDisk()
    {
        RandomAccess.FlushToDisk(_handle);
        Interlocked.Increment(ref _syncs);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
            _handle.Dispose();
        }

        base.Dispose(disposing);
    }
}
