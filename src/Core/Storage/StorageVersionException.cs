namespace SeedreamBot.Core.Storage;

/// <summary>The database cannot be used by this build (written by a newer one, or a migration failed).</summary>
public sealed class StorageVersionException : Exception
{
    public StorageVersionException()
    {
    }

    public StorageVersionException(string message)
        : base(message)
    {
    }

    public StorageVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
