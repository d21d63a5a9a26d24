using Microsoft.Extensions.Logging;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;

namespace SeedreamBot.Bot.Operators;

/// <summary>
/// The gate every command and button in a server passes: a server that is not admitted gets one friendly private
/// reply per interaction, nothing is held or charged and nothing reaches Apiframe; the operators are asked (once per
/// server). Declined servers are told so, and left when <c>Operator:LeaveDeclined</c> is on.
/// </summary>
public sealed partial class ServerAdmissionGate : IInteractionGate
{
    private readonly ServerAdmission _admission;
    private readonly ILogger<ServerAdmissionGate> _logger;

    public ServerAdmissionGate(ServerAdmission admission, ILogger<ServerAdmissionGate> logger)
    {
        _admission = admission;
        _logger = logger;
    }

    public async Task<bool> AdmitAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Interaction.GuildId is not { } guildId)
        {
            // Direct messages are not a server: their own pool (Operator:DirectMessageBudget) limits them.
            return true;
        }

        var check = await _admission.CheckAsync(guildId, context.CancellationToken).ConfigureAwait(false);
        if (check.IsAdmitted)
        {
            return true;
        }

        LogRefused(guildId, context.UserId, check.Decision.Reason.ToString());
        if (check.CheckFailed)
        {
            await context.ReplyPrivatelyAsync(BotText.Get(context.Culture, "AdmissionCheckFailed")).ConfigureAwait(false);
        }
        else if (check.Decision.IsDeclined)
        {
            await context.ReplyPrivatelyAsync(BotText.Get(context.Culture, "AdmissionDeclined")).ConfigureAwait(false);
            await _admission.LeaveIfConfiguredAsync(guildId, context.CancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Answer first (Discord's 3 seconds), then ask the operators.
            await context.ReplyPrivatelyAsync(BotText.Get(context.Culture, "AdmissionPending")).ConfigureAwait(false);
            await _admission.RequestAsync(guildId, context.UserId, context.CancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Server {GuildId} may not use the bot ({Reason}); user {UserId} was told privately")]
    private partial void LogRefused(ulong guildId, ulong userId, string reason);
}
