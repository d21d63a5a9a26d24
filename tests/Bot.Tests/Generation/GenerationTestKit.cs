using System.Text.Json.Nodes;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Harness;

namespace SeedreamBot.Bot.Tests.Generation;

/// <summary>Shared steps of the generation end-to-end tests.</summary>
internal static class GenerationTestKit
{
    public static byte[] SmallPng(int seed = 0) => FakeImages.Png(16, 16, seed);

    public static CreditBalance Balance(this BotHarness bot, ulong userId, ulong guildId = BotHarness.GuildId) =>
        bot.Get<ICreditLedger>().GetBalance(new CreditMember(new CreditScope(guildId, userId), []));

    /// <summary>Waits until the member has no open hold (the last generation was settled or released).</summary>
    public static Task<CreditBalance> SettledBalanceAsync(this BotHarness bot, ulong userId) =>
        Eventually.Until(() => bot.Balance(userId), balance => balance.Held == 0, $"user {userId}'s holds to be settled or released");

    public static Task<FakeMessage> WaitForResultAsync(this FakeInteraction interaction) =>
        interaction.WaitForOriginalAsync(message => HasTitle(message, "Here's your"), TimeSpan.FromSeconds(20));

    public static Task<FakeMessage> WaitForFailureAsync(this FakeInteraction interaction) =>
        interaction.WaitForOriginalAsync(message => HasTitle(message, "No image this time"), TimeSpan.FromSeconds(20));

    public static bool HasTitle(FakeMessage message, string fragment) =>
        message.EmbedTitles.Any(title => title?.Contains(fragment, StringComparison.Ordinal) == true);

    public static string Description(this FakeMessage message) =>
        message.Embeds.Count == 0 ? "" : message.Embeds[0]?["description"]?.GetValue<string>() ?? "";

    public static string? EmbedImageUrl(this FakeMessage message) =>
        message.Embeds.Count == 0 ? null : message.Embeds[0]?["image"]?["url"]?.GetValue<string>();

    /// <summary>The generation id carried by a result's buttons.</summary>
    public static string GenerationId(this FakeMessage message) =>
        message.CustomIds.First(id => id.StartsWith("gen:reroll:", StringComparison.Ordinal))["gen:reroll:".Length..];

    /// <summary>The JSON bodies the bot sent to Apiframe's generate route, oldest first.</summary>
    public static IReadOnlyList<JsonObject> GenerateBodies(this BotHarness bot) =>
        [.. bot.Apiframe.RequestsTo(FakeRoute.Generate).Select(request => JsonNode.Parse(request.Body)!.AsObject())];

    public static GenerationRecord Generation(this BotHarness bot, string id) =>
        bot.Get<GenerationService>().Find(id) ?? throw new InvalidOperationException($"No generation {id}.");

    /// <summary>A private reply: the initial response (type 4, ephemeral) or an ephemeral follow-up after a deferral.</summary>
    public static async Task<string> WaitForPrivateReplyAsync(this FakeInteraction interaction)
    {
        var initial = await interaction.WaitForInitialResponseAsync().ConfigureAwait(false);
        if (initial.Type == 4)
        {
            var original = await interaction.WaitForOriginalAsync().ConfigureAwait(false);
            Assert.True(original.IsEphemeral, "A refusal must be private.");
            return original.Content;
        }

        var followup = await interaction.WaitForFollowupAsync(message => message.IsEphemeral).ConfigureAwait(false);
        return followup.Content;
    }
}
