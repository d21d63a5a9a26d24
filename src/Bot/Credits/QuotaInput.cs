using System.Globalization;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// Reads and checks <c>/quota</c> options. Discord's client enforces the registered bounds, but the bot checks again:
/// an outdated command registration or a hand-made request could carry anything.
/// </summary>
public static class QuotaInput
{
    /// <summary>
    /// The <c>amount</c> option as an int: values beyond the int range become int.MinValue/MaxValue, which Core then
    /// refuses as negative or too large. Null when the option is missing.
    /// </summary>
    public static int? Amount(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return interaction.GetInteger(CreditsCommands.Amount) is { } value
            ? (int)Math.Clamp(value, int.MinValue, int.MaxValue)
            : null;
    }

    /// <summary>The <c>reason</c> option, trimmed; null when absent or blank.</summary>
    public static string? Reason(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var reason = interaction.GetString(CreditsCommands.Reason)?.Trim();
        return string.IsNullOrEmpty(reason) ? null : reason;
    }

    /// <summary>The <c>page</c> option, 1 when absent, clamped to 1…<see cref="CreditsCommands.MaxPage"/>.</summary>
    public static int Page(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return (int)Math.Clamp(interaction.GetInteger(CreditsCommands.Page) ?? 1, 1, CreditsCommands.MaxPage);
    }

    /// <summary>
    /// Why the user in the <c>user</c> option cannot be acted on, or null when they can: it did not resolve (unknown
    /// user), it is a bot, or (when <paramref name="requireMember"/>) they are not in the server.
    /// </summary>
    public static string? TargetProblem(NamedMember? target, bool requireMember, CultureInfo culture)
    {
        if (target is null)
        {
            return BotText.Get(culture, "QuotaUnknownUser");
        }

        if (target.IsBot)
        {
            return BotText.Format(culture, "QuotaBotTarget", target.Mention);
        }

        return requireMember && !target.IsMember ? BotText.Format(culture, "QuotaNotAMember", target.Mention) : null;
    }
}
