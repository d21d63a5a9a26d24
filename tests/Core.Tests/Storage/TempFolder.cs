namespace SeedreamBot.Core.Tests.Storage;

/// <summary>
/// A folder for one test's database files, deleted afterwards. Uses RAM-backed /dev/shm when the machine has it:
/// the files are real (LiteDB, fsync and crash recovery behave the same), the many fsyncs of a random-operations
/// test just cost nothing there.
/// </summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        var root = HasRoomInRam() ? "/dev/shm" : Path.GetTempPath();
        FullPath = Path.Combine(root, "seedreambot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullPath);
    }

    public string FullPath { get; }

    public string File(string name) => Path.Combine(FullPath, name);

    private static bool HasRoomInRam()
    {
        try
        {
            // Containers often give /dev/shm only 64 MiB; the disk is the safe choice then.
            return Directory.Exists("/dev/shm") && new DriveInfo("/dev/shm").AvailableFreeSpace > 1L << 30;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(FullPath, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may still be letting go of a file; the folder is in a temp location anyway.
        }
    }
}
