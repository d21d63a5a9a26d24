using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Images;

/// <summary>
/// The bot's own copies of input images, content-addressed on disk (<c>Storage:ImagesPath</c>): one file per distinct
/// image, named by its SHA-256, so the same picture attached twice is kept once. A file's modification time is when
/// it was last used (on the bot's clock); <see cref="Trim"/> drops what was unused for <c>Storage:ImagesRetention</c>
/// and then the least recently used until the store is within <c>Storage:ImagesMaxBytes</c>. A copy that is gone is
/// reported as gone, never as an error: it is a cache the member is told about.
/// </summary>
public sealed partial class ImageStore
{
    private readonly StorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ImageStore> _logger;
    private readonly Lock _trimming = new();

    public ImageStore(IOptions<StorageOptions> options, TimeProvider time, ILogger<ImageStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _logger = logger;
        Root = _options.ResolveImagesPath();
    }

    /// <summary>The store's folder (absolute).</summary>
    public string Root { get; }

    /// <summary>Keeps <paramref name="image"/> (already checked to be an image) and returns its address; an image already kept is only marked as used.</summary>
    public async Task<StoredImage> SaveAsync(ReadOnlyMemory<byte> image, CancellationToken cancellationToken)
    {
        var kind = ImageKinds.Sniff(image.Span) ?? throw new ArgumentException("Only images are stored.", nameof(image));
        var hash = Convert.ToHexString(SHA256.HashData(image.Span)).ToLowerInvariant();
        var path = PathOf(hash);
        var now = _time.GetUtcNow();
        if (!Touch(path, now))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
                {
                    await file.WriteAsync(image, cancellationToken).ConfigureAwait(false);
                }

                File.SetLastWriteTimeUtc(temporary, now.UtcDateTime);
                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }

            LogSaved(hash, image.Length);
            Trim();
        }

        return new StoredImage(hash, kind, image.Length, now);
    }

    /// <summary>The stored image with this address, marked as used now; null when it is gone (evicted or expired).</summary>
    public StoredImage? Find(string hash)
    {
        if (!IsHash(hash))
        {
            return null;
        }

        var path = PathOf(hash);
        var file = new FileInfo(path);
        var now = _time.GetUtcNow();
        if (!file.Exists || Expired(file, now))
        {
            return null;
        }

        Span<byte> head = stackalloc byte[16];
        try
        {
            using (var stream = file.OpenRead())
            {
                head = head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
            }

            Touch(path, now);
        }
        catch (FileNotFoundException)
        {
            return null; // trimmed in between
        }

        return ImageKinds.Sniff(head) is { } kind ? new StoredImage(hash, kind, file.Length, now) : null;
    }

    /// <summary>The bytes of a stored image; null when it is gone.</summary>
    public async Task<byte[]?> ReadAsync(string hash, CancellationToken cancellationToken)
    {
        if (!IsHash(hash))
        {
            return null;
        }

        try
        {
            return await File.ReadAllBytesAsync(PathOf(hash), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Drops expired images, then the least recently used until the store fits its byte limit.</summary>
    public ImageStoreTrim Trim()
    {
        lock (_trimming)
        {
            if (!Directory.Exists(Root))
            {
                return new ImageStoreTrim(0, 0, 0, 0);
            }

            var now = _time.GetUtcNow();
            var expired = 0;
            var kept = new List<FileInfo>();
            foreach (var file in new DirectoryInfo(Root).EnumerateFiles("*", SearchOption.AllDirectories))
            {
                if (!IsHash(file.Name))
                {
                    // A temporary file left by a crash mid-write is garbage after a minute.
                    if (file.Name.EndsWith(".tmp", StringComparison.Ordinal) && now - file.LastWriteTimeUtc > TimeSpan.FromMinutes(1))
                    {
                        Delete(file);
                    }

                    continue;
                }

                if (Expired(file, now))
                {
                    expired += Delete(file) ? 1 : 0;
                }
                else
                {
                    kept.Add(file);
                }
            }

            var total = kept.Sum(file => file.Length);
            var evicted = 0;
            foreach (var file in kept.OrderBy(file => file.LastWriteTimeUtc).ToList())
            {
                if (total <= _options.ImagesMaxBytes)
                {
                    break;
                }

                var length = file.Length;
                if (Delete(file))
                {
                    total -= length;
                    kept.Remove(file);
                    evicted++;
                }
            }

            if (expired + evicted > 0)
            {
                LogTrimmed(expired, evicted, kept.Count, total);
            }

            return new ImageStoreTrim(expired, evicted, kept.Count, total);
        }
    }

    private bool Expired(FileInfo file, DateTimeOffset now) =>
        new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero) + _options.ImagesRetention <= now;

    private string PathOf(string hash) => Path.Combine(Root, hash[..2], hash);

    private static bool Touch(string path, DateTimeOffset now)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, now.UtcDateTime);
            return true;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    private bool Delete(FileInfo file)
    {
        try
        {
            file.Delete();
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogDeleteFailed(exception, file.FullName);
            return false;
        }
    }

    private static bool IsHash(string value) =>
        value.Length == 64 && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kept input image {Hash} ({Bytes} bytes)")]
    private partial void LogSaved(string hash, long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Image store trimmed: {Expired} expired, {Evicted} evicted (least recently used); {Kept} images, {Bytes} bytes kept")]
    private partial void LogTrimmed(int expired, int evicted, int kept, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete {Path} from the image store")]
    private partial void LogDeleteFailed(Exception exception, string path);
}
