using System.Globalization;
using SeedreamBot.Bot.Credits;

namespace SeedreamBot.Bot.Operators;

/// <summary>How operator texts name a server: its name in bold and its id, or the id alone when the name is unknown.</summary>
public static class ServerLabel
{
    public static string Of(ulong guildId, string? name)
    {
        var id = "`" + guildId.ToString(CultureInfo.InvariantCulture) + "`";
        return string.IsNullOrWhiteSpace(name) ? id : "**" + CreditText.Quote(name, 100) + "** " + id;
    }
}
