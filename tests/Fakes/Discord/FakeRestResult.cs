using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

/// <summary>What a fake route answers: a status and an optional JSON body.</summary>
internal sealed record FakeRestResult(int Status, JsonNode? Body)
{
    public static FakeRestResult Ok(JsonNode body) => new(200, body);

    public static FakeRestResult NoContent() => new(204, null);

    public static FakeRestResult Error(int status, int code, string message) =>
        new(status, new JsonObject { ["message"] = message, ["code"] = code });

    public static FakeRestResult Invalid(FakeErrorTree errors) => new(400, errors.ToBody());

    public static FakeRestResult UnknownInteraction() => Error(404, 10062, "Unknown interaction");

    public static FakeRestResult UnknownMessage() => Error(404, 10008, "Unknown Message");

    public static FakeRestResult UnknownWebhook() => Error(404, 10015, "Unknown Webhook");

    public static FakeRestResult InvalidWebhookToken() => Error(401, 50027, "Invalid Webhook Token");

    public static FakeRestResult EmptyMessage() => Error(400, 50006, "Cannot send an empty message");
}
