namespace SeedreamBot.Core.Generation;

/// <summary>
/// One image generation as Seedream will receive it. Build it through <see cref="GenerationRequestValidator"/>
/// so that every instance the client sends has passed the user-facing validation rules.
/// </summary>
/// <param name="Prompt">Trimmed prompt, 1–2,000 characters.</param>
/// <param name="Size">Output resolution.</param>
/// <param name="AspectRatio">One of <see cref="AspectRatios.All"/>.</param>
/// <param name="Format">Output file format.</param>
/// <param name="InputImageUrls">0–14 absolute http(s) URLs of reference or source images.</param>
public sealed record GenerationRequest(
    string Prompt,
    ImageSize Size,
    string AspectRatio,
    OutputFormat Format,
    IReadOnlyList<string> InputImageUrls)
{
    public const int MaxPromptLength = 2000;

    public const int MaxInputImages = 14;

    /// <summary>Value equality that includes the input list (records compare lists by reference).</summary>
    public bool Equals(GenerationRequest? other) =>
        other is not null
        && Prompt == other.Prompt
        && Size == other.Size
        && AspectRatio == other.AspectRatio
        && Format == other.Format
        && InputImageUrls.SequenceEqual(other.InputImageUrls);

    public override int GetHashCode() => HashCode.Combine(Prompt, Size, AspectRatio, Format, InputImageUrls.Count);
}
