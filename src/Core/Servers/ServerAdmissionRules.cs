namespace SeedreamBot.Core.Servers;

/// <summary>
/// Which servers may use the bot. Configuration comes first (listed servers are always in), then an operator's
/// decision (a declined server stays out even under <c>open</c> or when an operator is a member), then the policy:
/// <c>open</c> admits everyone, <c>owner-servers</c> admits servers an operator is a member of, <c>allow-list</c>
/// nobody else. Pure: the caller looks up the record and, when asked for, the operators' membership.
/// </summary>
public sealed class ServerAdmissionRules
{
    private readonly HashSet<ulong> _configured;

    public ServerAdmissionRules(OperatorOptions options, IEnumerable<ulong> commandGuildIds)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(commandGuildIds);
        Policy = options.GetPolicy();
        _configured = [.. options.AllowedServerIds, .. commandGuildIds];
        if (options.HomeServerId is { } home)
        {
            _configured.Add(home);
        }
    }

    public ServerPolicy Policy { get; }

    /// <summary>Servers admitted by configuration.</summary>
    public IReadOnlyCollection<ulong> ConfiguredServers => _configured;

    public bool IsConfigured(ulong guildId) => _configured.Contains(guildId);

    /// <summary>
    /// The decision for <paramref name="guildId"/>. Under <c>owner-servers</c> without a decision, pass whether an
    /// operator is a member in <paramref name="operatorIsMember"/>; while it is null the answer is
    /// <see cref="AdmissionReason.NeedsMembershipCheck"/>.
    /// </summary>
    public AdmissionDecision Decide(ulong guildId, ServerRecord? record, bool? operatorIsMember = null)
    {
        if (_configured.Contains(guildId))
        {
            return new(AdmissionReason.Configured);
        }

        switch (record?.State)
        {
            case ServerState.Declined:
                return new(AdmissionReason.Declined);
            case ServerState.Approved:
                return new(AdmissionReason.Approved);
        }

        return Policy switch
        {
            ServerPolicy.Open => new(AdmissionReason.Open),
            ServerPolicy.OwnerServers => operatorIsMember switch
            {
                null => new(AdmissionReason.NeedsMembershipCheck),
                true => new(AdmissionReason.OperatorIsMember),
                false => new(AdmissionReason.NotAdmitted),
            },
            _ => new(AdmissionReason.NotAdmitted),
        };
    }
}
