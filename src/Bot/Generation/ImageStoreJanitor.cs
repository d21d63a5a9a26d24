using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeedreamBot.Core.Images;

namespace SeedreamBot.Bot.Generation;

/// <summary>
/// Trims the image store at start and then every hour, so copies past <c>Storage:ImagesRetention</c> go even when no
/// new image arrives (every new image also trims the store to its byte limit).
/// </summary>
public sealed partial class ImageStoreJanitor(ImageStore store, TimeProvider time, ILogger<ImageStoreJanitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                store.Trim();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                LogTrimFailed(exception, store.Root);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trimming the image store in {Path} failed; trying again in an hour")]
    private partial void LogTrimFailed(Exception exception, string path);
}
