using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using SeedreamBot.Discord.Json;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Discord.Rest;

/// <summary>
/// A serialized request body that can be turned into fresh <see cref="HttpContent"/> for every attempt: JSON, or
/// multipart with <c>payload_json</c> and <c>files[n]</c> where each file has an <c>attachments</c> entry whose
/// id is the string "n".
/// </summary>
internal sealed class DiscordRequestBody
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private readonly byte[] _json;
    private readonly IReadOnlyList<DiscordFile> _files;

    private DiscordRequestBody(byte[] json, IReadOnlyList<DiscordFile> files)
    {
        _json = json;
        _files = files;
    }

    public static DiscordRequestBody Json<T>(T value, JsonTypeInfo<T> typeInfo) =>
        new(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), []);

    /// <summary>
    /// A message-shaped body. With files, the <c>attachments</c> array at <paramref name="messagePath"/> (the whole
    /// body, or <c>data</c> for interaction callbacks) gets one entry per file, keeping the caller's entries.
    /// </summary>
    public static DiscordRequestBody Message<T>(T value, JsonTypeInfo<T> typeInfo, IReadOnlyList<DiscordFile>? files, string? messagePath = null)
    {
        if (files is not { Count: > 0 })
        {
            return Json(value, typeInfo);
        }

        var root = JsonSerializer.SerializeToNode(value, typeInfo) as JsonObject
            ?? throw new InvalidOperationException("A message body must serialize to a JSON object.");
        JsonObject message;
        if (messagePath is null)
        {
            message = root;
        }
        else if (root[messagePath] is JsonObject nested)
        {
            message = nested;
        }
        else
        {
            message = [];
            root[messagePath] = message;
        }

        var attachments = message["attachments"] as JsonArray ?? [];
        message["attachments"] = attachments;
        for (var i = 0; i < files.Count; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            var existing = attachments.OfType<JsonObject>().FirstOrDefault(a => a["id"]?.ToString() == id);
            if (existing is null)
            {
                existing = new JsonObject { ["id"] = id };
                attachments.Add(existing);
            }

            existing["filename"] ??= files[i].FileName;
            if (files[i].Description is { } description)
            {
                existing["description"] ??= description;
            }
        }

        return new DiscordRequestBody(JsonSerializer.SerializeToUtf8Bytes(root, DiscordJsonContext.Default.JsonNode), files);
    }

    public bool IsMultipart => _files.Count > 0;

    /// <summary>The JSON (or payload_json) bytes, for tests and diagnostics.</summary>
    public ReadOnlyMemory<byte> JsonBytes => _json;

    public HttpContent CreateContent()
    {
        var json = new ByteArrayContent(_json);
        json.Headers.ContentType = JsonMediaType;
        if (_files.Count == 0)
        {
            return json;
        }

        var multipart = new MultipartFormDataContent();
        multipart.Add(json, "payload_json");
        for (var i = 0; i < _files.Count; i++)
        {
            var file = _files[i];
            HttpContent part = file.OpenContent is { } open ? new StreamContent(open()) : new ReadOnlyMemoryContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType ?? "application/octet-stream");
            multipart.Add(part, $"files[{i.ToString(CultureInfo.InvariantCulture)}]", file.FileName);
        }

        return multipart;
    }
}
