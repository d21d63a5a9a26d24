using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace SeedreamBot.Core.Images;

/// <summary>
/// Makes a result fit an upload limit so that it is always attached, never only linked: an image within the limit is
/// kept as it is; a larger one is re-encoded as a high-quality JPEG (WebP when it has transparency), at lower
/// qualities if needed, and only when quality alone cannot get under the limit is it scaled down. Bombs and files
/// that are not images are refused before any decoding. At most one re-encode per core runs at once, so a burst of
/// large results cannot take the memory of a hundred decoded images.
/// </summary>
public sealed partial class ImageFitter
{
    private static readonly int[] Qualities = [90, 85, 80, 75];

    /// <summary>The quality of downscaled copies: the scale, not the quality, does the shrinking there.</summary>
    private const int DownscaledQuality = 82;

    /// <summary>A copy smaller than this on its short side is no longer worth delivering.</summary>
    private const int MinSide = 256;

    private readonly IImageCodec _codec;
    private readonly ILogger<ImageFitter> _logger;
    private readonly SemaphoreSlim _slots = new(Math.Max(1, Environment.ProcessorCount));

    public ImageFitter(IImageCodec codec, ILogger<ImageFitter> logger)
    {
        _codec = codec;
        _logger = logger;
    }

    public async Task<ImageFit> FitAsync(ReadOnlyMemory<byte> image, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        if (ImageChecks.Check(image.Span, out var header) is { } problem)
        {
            LogRefused(problem, header.Width, header.Height, image.Length);
            return ImageFit.Failed(problem, header, image.Length);
        }

        if (image.Length <= maxBytes)
        {
            return new ImageFit
            {
                Original = header,
                OriginalBytes = image.Length,
                Content = image,
                Kind = header.Kind,
                Width = header.Width,
                Height = header.Height,
            };
        }

        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Reencode(image, header, maxBytes, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    private ImageFit Reencode(ReadOnlyMemory<byte> image, ImageHeader header, long maxBytes, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            // The library must see the canvas the header declared; a file that says otherwise is not decoded.
            var (width, height) = _codec.Identify(image);
            if (width != header.Width || height != header.Height)
            {
                LogHeaderMismatch(header.Width, header.Height, width, height);
                return ImageFit.Failed(ImageProblem.Undecodable, header, image.Length);
            }

            var format = header.HasAlpha ? ImageKind.WebP : ImageKind.Jpeg;
            byte[]? encoded = null;
            foreach (var quality in Qualities)
            {
                cancellationToken.ThrowIfCancellationRequested();
                encoded = _codec.Encode(image, header, format, quality, header.Width, header.Height);
                if (encoded.Length <= maxBytes)
                {
                    return Done(encoded, quality, header.Width, header.Height);
                }
            }

            // Quality alone cannot do it: scale by the square root of the size ratio (bytes grow with pixels), with a
            // margin, and keep shrinking until it fits.
            var scale = Math.Sqrt((double)maxBytes / encoded!.Length) * 0.92;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var scaledWidth = Math.Max(1, (int)(header.Width * scale));
                var scaledHeight = Math.Max(1, (int)(header.Height * scale));
                if (Math.Min(scaledWidth, scaledHeight) < MinSide)
                {
                    LogCannotFit(header.Kind, image.Length, maxBytes);
                    return ImageFit.Failed(ImageProblem.CannotFit, header, image.Length);
                }

                encoded = _codec.Encode(image, header, format, DownscaledQuality, scaledWidth, scaledHeight);
                if (encoded.Length <= maxBytes)
                {
                    return Done(encoded, DownscaledQuality, scaledWidth, scaledHeight);
                }

                scale *= 0.85;
            }
        }
        catch (ImageDecodeException exception)
        {
            LogUndecodable(exception, header.Kind, image.Length);
            return ImageFit.Failed(ImageProblem.Undecodable, header, image.Length);
        }

        ImageFit Done(byte[] encoded, int quality, int width, int height)
        {
            var format = header.HasAlpha ? ImageKind.WebP : ImageKind.Jpeg;
            LogReencoded(header.Kind, image.Length, format, encoded.Length, quality, width, height, watch.ElapsedMilliseconds);
            return new ImageFit
            {
                Original = header,
                OriginalBytes = image.Length,
                Content = encoded,
                Kind = format,
                Width = width,
                Height = height,
                Quality = quality,
            };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-encoded a {From} of {FromBytes} bytes as a {To} of {ToBytes} bytes (quality {Quality}, {Width}x{Height}) in {ElapsedMs} ms")]
    private partial void LogReencoded(ImageKind from, long fromBytes, ImageKind to, long toBytes, int quality, int width, int height, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to open an image ({Problem}): declared {Width}x{Height}, {Bytes} bytes")]
    private partial void LogRefused(ImageProblem problem, int width, int height, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to decode an image whose header declares {Width}x{Height} while its data says {ActualWidth}x{ActualHeight}")]
    private partial void LogHeaderMismatch(int width, int height, int actualWidth, int actualHeight);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} of {Bytes} bytes could not be decoded")]
    private partial void LogUndecodable(Exception exception, ImageKind kind, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} of {Bytes} bytes cannot be made to fit {Limit} bytes")]
    private partial void LogCannotFit(ImageKind kind, long bytes, long limit);
}
