namespace SeedreamBot.Fakes.Discord;

/// <summary>A file a user attaches (to a command option or a message); the fake serves it from its CDN route.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="FileName">The name shown in Discord.</param>
/// <param name="ContentType">What Discord reports as <c>content_type</c> (null: unknown).</param>
/// <param name="Width">Pixel width for images.</param>
/// <param name="Height">Pixel height for images.</param>
/// <param name="ReportedSize">Overrides <c>size</c> (to simulate a lying client); null: the real length.</param>
public sealed record FakeUpload(byte[] Content, string FileName, string? ContentType = "image/png", int? Width = null, int? Height = null, long? ReportedSize = null);
