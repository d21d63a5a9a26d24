using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

/// <summary>The initial response the fake accepted for an interaction.</summary>
public sealed record FakeInteractionResponse
{
    /// <summary>The callback type (4, 5, 6, 7, 8 or 9).</summary>
    public required int Type { get; init; }

    public JsonObject? Data { get; init; }

    public IReadOnlyList<FakeMultipartPart> Files { get; init; } = [];

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the callback arrived.</summary>
    public required long ReceivedTimestamp { get; init; }

    public bool IsDeferred => Type is 5 or 6;

    public bool IsEphemeral => ((Data?["flags"]?.GetValue<int>() ?? 0) & FakeMessage.EphemeralFlag) != 0;

    /// <summary>For type 9: the modal's custom_id.</summary>
    public string? ModalCustomId => Type == 9 ? Data?["custom_id"]?.GetValue<string>() : null;
}
