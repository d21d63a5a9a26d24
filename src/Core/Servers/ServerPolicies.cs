namespace SeedreamBot.Core.Servers;

/// <summary>The configuration names of <see cref="ServerPolicy"/>: <c>owner-servers</c>, <c>allow-list</c>, <c>open</c>.</summary>
public static class ServerPolicies
{
    public const string OwnerServers = "owner-servers";

    public const string AllowList = "allow-list";

    public const string Open = "open";

    public static IReadOnlyList<string> Names { get; } = [OwnerServers, AllowList, Open];

    /// <summary>Reads a policy name in any case; <c>_</c>, spaces and the enum spelling (<c>OwnerServers</c>) are accepted too.</summary>
    public static bool TryParse(string? value, out ServerPolicy policy)
    {
        var key = new string((value ?? "").Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        (var found, policy) = key switch
        {
            "ownerservers" => (true, ServerPolicy.OwnerServers),
            "allowlist" => (true, ServerPolicy.AllowList),
            "open" => (true, ServerPolicy.Open),
            _ => (false, ServerPolicy.OwnerServers),
        };
        return found;
    }

    public static string NameOf(ServerPolicy policy) => policy switch
    {
        ServerPolicy.OwnerServers => OwnerServers,
        ServerPolicy.AllowList => AllowList,
        ServerPolicy.Open => Open,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown server policy."),
    };
}
