namespace SeedreamBot.Core.Servers;

/// <summary>
/// The operators' records of servers (admission requests, decisions, budgets) and their own settings. Every change
/// is one durable transaction; a refused change writes nothing.
/// </summary>
public interface IServerStore
{
    /// <summary>The server's record, or null when nothing was ever recorded for it.</summary>
    ServerRecord? Get(ulong guildId);

    /// <summary>Every recorded server, pending first, then by most recent change.</summary>
    IReadOnlyList<ServerRecord> All();

    /// <summary>
    /// Records that a member of a server that is not admitted tried the bot. Only the first call for a server creates
    /// the request (<see cref="AdmissionRequest.IsNew"/>), so operators are asked once per server, however many
    /// members try. A server with a record (pending, approved or declined) keeps it; its name is refreshed.
    /// </summary>
    AdmissionRequest RequestAdmission(ulong guildId, string? name, ulong userId);

    /// <summary>Admits the server; with <paramref name="budget"/> it also gets a budget of its own.</summary>
    ServerDecision Approve(ulong guildId, ulong operatorId, int? budget = null);

    /// <summary>Turns the server down: its members are told so and nothing is spent there.</summary>
    ServerDecision Decline(ulong guildId, ulong operatorId);

    /// <summary>Sets the server's own budget per period, or (null) returns it to <c>Operator:DefaultServerBudget</c>.</summary>
    ServerDecision SetBudget(ulong guildId, ulong operatorId, int? budget);

    /// <summary>Keeps the server's current name for the operators' lists (writes only when it changed).</summary>
    void RememberName(ulong guildId, string name);

    OperatorSettings GetOperatorSettings();

    /// <summary>
    /// Sets or (null) clears the channel bot-wide alerts and server requests go to, and the Discord locale operator
    /// messages are written in.
    /// </summary>
    OperatorSettings SetAlertChannel(ulong? channelId, ulong operatorId, string? locale = null);
}
