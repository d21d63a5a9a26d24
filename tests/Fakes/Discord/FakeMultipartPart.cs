namespace SeedreamBot.Fakes.Discord;

/// <summary>One part of a recorded multipart request.</summary>
/// <param name="Name">The form name, e.g. <c>payload_json</c> or <c>files[0]</c>.</param>
/// <param name="FileName">The file name of file parts.</param>
/// <param name="ContentType">The part's Content-Type.</param>
/// <param name="Content">The raw bytes.</param>
public sealed record FakeMultipartPart(string Name, string? FileName, string? ContentType, byte[] Content);
