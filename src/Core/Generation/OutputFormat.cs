namespace SeedreamBot.Core.Generation;

/// <summary>Image file format of the result. The wire values are <c>png</c> and <c>jpg</c>.</summary>
public enum OutputFormat
{
    Png,
    Jpg,
}
