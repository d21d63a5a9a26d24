using System.Text.Json.Nodes;
using SeedreamBot.Bot.Generation;
using SeedreamBot.Fakes.Discord;

namespace SeedreamBot.Bench.LoadDriver.Scenarios;

/// <summary>Fires <c>/imagine</c> from distinct members and tells when their generations are finished.</summary>
internal static class ImagineRequests
{
    private const ulong FirstMemberId = 1_200_000_000_000_000_000;

    /// <summary>
    /// Dispatches one <c>/imagine</c> per member id in <c>[firstMember, firstMember + count)</c>, all at once: each
    /// dispatch is started without waiting for the previous one, so they leave the fake as fast as it can send.
    /// </summary>
    public static async Task<IReadOnlyList<FakeInteraction>> DispatchAsync(
        FakeDiscordServer discord, int firstMember, int count, string? size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(discord);
        var dispatches = new Task<FakeInteraction>[count];
        for (var i = 0; i < count; i++)
        {
            var member = FirstMemberId + (ulong)(firstMember + i);
            var command = discord.SlashCommand("imagine")
                .By(member, "member" + (firstMember + i))
                .WithString("prompt", "a lighthouse on a cliff at dawn, volumetric fog, film grain, 35 mm");
            if (size is not null)
            {
                command = command.WithString("size", size);
            }

            dispatches[i] = command.DispatchAsync(cancellationToken);
        }

        return await Task.WhenAll(dispatches).ConfigureAwait(false);
    }

    /// <summary>The result (with its image attached) or a failure is showing in <c>@original</c>.</summary>
    public static bool IsFinished(FakeInteraction interaction) =>
        interaction.Original is { IsLoading: false } message && (message.Attachments.Count > 0 || IsFailure(message));

    public static bool IsFailure(FakeInteraction interaction) =>
        interaction.Original is { } message && IsFailure(message);

    private static bool IsFailure(FakeMessage message) =>
        message.Embeds.Count > 0 && message.Embeds[0] is JsonObject embed
        && embed["color"] is JsonValue color && color.TryGetValue<int>(out var value) && value == GenerationMessages.Failed;
}
