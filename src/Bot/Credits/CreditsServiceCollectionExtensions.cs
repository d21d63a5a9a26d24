using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SeedreamBot.Bot.Commands;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Moderation;

namespace SeedreamBot.Bot.Credits;

public static class CreditsServiceCollectionExtensions
{
    /// <summary>
    /// <c>/credits</c> and the moderators' <c>/quota</c> (with its buttons and the moderator log). Needs the credit
    /// ledger (<c>AddCreditLedger</c>) and the interaction pipeline (<c>AddBotCore</c>).
    /// </summary>
    public static IServiceCollection AddCreditsFeature(this IServiceCollection services)
    {
        services.TryAddSingleton<ModeratorPolicy>();
        services.TryAddSingleton<ModeratorActionLog>();
        services.TryAddSingleton<QuotaMemberCommands>();
        services.TryAddSingleton<QuotaAllowanceCommands>();
        services.TryAddSingleton<QuotaReportCommands>();
        services.TryAddSingleton<QuotaExportCommand>();
        services.TryAddSingleton<QuotaLogChannelCommand>();
        services.TryAddSingleton<QuotaBanListCommands>();
        services.AddSingleton<ICommandSource, CreditsCommands>();
        services.AddSingleton<IInteractionHandler, CreditsHandler>();
        services.AddSingleton<IInteractionHandler, QuotaHandler>();
        return services;
    }
}
