using System.Globalization;
using System.Text;

namespace SeedreamBot.Core.Generation;

/// <summary>
/// Checks what a member typed against Seedream 5 Lite's rules and builds the <see cref="GenerationRequest"/>.
/// Every message is meant to be shown to that member as it is, so it says what is wrong and how to fix it.
/// </summary>
public static class GenerationRequestValidator
{
    /// <summary>How much of a bad value a message quotes back; enough to recognise it, not enough to flood a reply.</summary>
    private const int MaxQuotedLength = 60;

    /// <summary>
    /// Validates raw text options. Null or blank <paramref name="size"/>, <paramref name="aspectRatio"/> and
    /// <paramref name="format"/> mean "not given": 2K, png, and <c>match_input_image</c> when there is an input
    /// image (else 1:1).
    /// </summary>
    public static GenerationValidationResult Validate(
        string? prompt,
        string? size = null,
        string? aspectRatio = null,
        string? format = null,
        IReadOnlyList<string>? inputImageUrls = null)
    {
        var errors = new List<string>();

        var trimmedPrompt = ValidatePrompt(prompt, errors);

        var parsedSize = ImageSizes.Default;
        if (!string.IsNullOrWhiteSpace(size) && !ImageSizes.TryParse(size, out parsedSize))
        {
            errors.Add($"“{Quote(size)}” is not a size Seedream offers — choose 2K or 3K.");
        }

        // Image problems are listed last, where the images come in the command, but counted first: the default aspect
        // ratio depends on them.
        var imageErrors = new List<string>();
        var images = ValidateInputImages(inputImageUrls ?? [], imageErrors);

        string? parsedAspect = AspectRatios.DefaultFor(images.Count);
        if (!string.IsNullOrWhiteSpace(aspectRatio))
        {
            if (!AspectRatios.TryParse(aspectRatio, out parsedAspect))
            {
                errors.Add(
                    $"“{Quote(aspectRatio)}” is not a supported aspect ratio — choose one of " +
                    $"{string.Join(", ", AspectRatios.Fixed)}, or {AspectRatios.MatchInputImage}.");
            }
            else if (parsedAspect == AspectRatios.MatchInputImage && (inputImageUrls ?? []).Count == 0)
            {
                errors.Add(
                    $"The aspect ratio {AspectRatios.MatchInputImage} copies the shape of your first input image, " +
                    "so it needs at least one input image — add one, or pick a ratio such as 1:1.");
            }
        }

        var parsedFormat = OutputFormats.Default;
        if (!string.IsNullOrWhiteSpace(format) && !OutputFormats.TryParse(format, out parsedFormat))
        {
            errors.Add($"“{Quote(format)}” is not an output format Seedream offers — choose png or jpg.");
        }

        errors.AddRange(imageErrors);
        if (errors.Count > 0)
        {
            return GenerationValidationResult.Invalid(errors);
        }

        return GenerationValidationResult.Valid(
            new GenerationRequest(trimmedPrompt!, parsedSize, parsedAspect!, parsedFormat, images));
    }

    /// <summary>Validates a request whose size and format are already typed (e.g. from command choices).</summary>
    public static GenerationValidationResult Validate(
        string? prompt,
        ImageSize size,
        string? aspectRatio,
        OutputFormat format,
        IReadOnlyList<string>? inputImageUrls)
    {
        if (!Enum.IsDefined(size))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "Unknown image size.");
        }

        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown output format.");
        }

        return Validate(prompt, size.ToWire(), aspectRatio, format.ToWire(), inputImageUrls);
    }

    private static string? ValidatePrompt(string? prompt, List<string> errors)
    {
        var trimmed = prompt?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add("Your prompt is empty — describe the image you want.");
            return null;
        }

        // Apiframe counts UTF-16 code units (a JavaScript string's length), so .Length is the same measure.
        if (trimmed.Length > GenerationRequest.MaxPromptLength)
        {
            errors.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Your prompt is {trimmed.Length:N0} characters; the limit is {GenerationRequest.MaxPromptLength:N0}."));
            return null;
        }

        return trimmed;
    }

    private static List<string> ValidateInputImages(IReadOnlyList<string> urls, List<string> errors)
    {
        if (urls.Count > GenerationRequest.MaxInputImages)
        {
            errors.Add(
                $"You gave {urls.Count} input images; the limit is {GenerationRequest.MaxInputImages}.");
        }

        var valid = new List<string>(urls.Count);
        for (var i = 0; i < urls.Count; i++)
        {
            var number = i + 1;
            var url = urls[i]?.Trim();
            if (string.IsNullOrEmpty(url))
            {
                errors.Add($"Input image {number} is empty — give a full http:// or https:// link.");
            }
            else if (!IsAbsoluteHttpUrl(url))
            {
                errors.Add($"Input image {number} (“{Quote(url)}”) is not a full http:// or https:// link.");
            }
            else
            {
                valid.Add(url);
            }
        }

        return valid;
    }

    // Whitespace and control characters are refused rather than escaped: Apiframe checks `format: uri`, and a link
    // that needs repairing is more likely a paste accident than a real address.
    private static bool IsAbsoluteHttpUrl(string url) =>
        !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>A bad value as a message quotes it: one line, no control characters, shortened with an ellipsis.</summary>
    private static string Quote(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, MaxQuotedLength) + 1);
        var runes = 0;
        foreach (var rune in value.Trim().EnumerateRunes())
        {
            if (runes++ == MaxQuotedLength)
            {
                builder.Append('…');
                break;
            }

            // Whole runes, so an emoji is never cut in half.
            builder.Append(Rune.IsControl(rune) ? " " : rune.ToString());
        }

        return builder.ToString();
    }
}
