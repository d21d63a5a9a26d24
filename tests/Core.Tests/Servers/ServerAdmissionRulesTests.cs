using SeedreamBot.Core.Servers;

namespace SeedreamBot.Core.Tests.Servers;

/// <summary>Which servers may use the bot: configuration, then an operator's decision, then the policy.</summary>
public sealed class ServerAdmissionRulesTests
{
    private const ulong Listed = 1;
    private const ulong CommandGuild = 2;
    private const ulong Home = 3;
    private const ulong Stranger = 4;

    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ServerPolicies.OwnerServers)]
    [InlineData(ServerPolicies.AllowList)]
    [InlineData(ServerPolicies.Open)]
    public void Configured_servers_are_always_admitted_even_when_a_record_says_declined(string policy)
    {
        var rules = Rules(policy);

        foreach (var guild in new[] { Listed, CommandGuild, Home })
        {
            Assert.Equal(AdmissionReason.Configured, rules.Decide(guild, Record(guild, ServerState.Declined)).Reason);
        }
    }

    [Theory]
    [InlineData(ServerPolicies.OwnerServers)]
    [InlineData(ServerPolicies.AllowList)]
    [InlineData(ServerPolicies.Open)]
    public void An_operators_decline_beats_the_policy_and_an_approval_admits(string policy)
    {
        var rules = Rules(policy);

        var declined = rules.Decide(Stranger, Record(Stranger, ServerState.Declined), operatorIsMember: true);
        var approved = rules.Decide(Stranger, Record(Stranger, ServerState.Approved), operatorIsMember: false);

        Assert.True(declined.IsDeclined);
        Assert.False(declined.IsAdmitted);
        Assert.Equal(AdmissionReason.Approved, approved.Reason);
        Assert.True(approved.IsAdmitted);
    }

    [Fact]
    public void Owner_servers_admits_a_server_an_operator_is_in_and_nothing_else()
    {
        var rules = Rules(ServerPolicies.OwnerServers);

        Assert.Equal(AdmissionReason.NeedsMembershipCheck, rules.Decide(Stranger, null).Reason);
        Assert.Equal(AdmissionReason.NeedsMembershipCheck, rules.Decide(Stranger, Record(Stranger, ServerState.Pending)).Reason);
        Assert.Equal(AdmissionReason.OperatorIsMember, rules.Decide(Stranger, null, operatorIsMember: true).Reason);
        Assert.Equal(AdmissionReason.NotAdmitted, rules.Decide(Stranger, Record(Stranger, ServerState.Pending), operatorIsMember: false).Reason);
    }

    [Fact]
    public void Allow_list_admits_only_listed_and_approved_servers_without_asking_about_members()
    {
        var rules = Rules(ServerPolicies.AllowList);

        Assert.Equal(AdmissionReason.NotAdmitted, rules.Decide(Stranger, null).Reason);
        Assert.Equal(AdmissionReason.NotAdmitted, rules.Decide(Stranger, null, operatorIsMember: true).Reason);
    }

    [Fact]
    public void Open_admits_every_server_not_declined()
    {
        var rules = Rules(ServerPolicies.Open);

        Assert.Equal(AdmissionReason.Open, rules.Decide(Stranger, null).Reason);
        Assert.Equal(AdmissionReason.Open, rules.Decide(Stranger, Record(Stranger, ServerState.Pending)).Reason);
    }

    [Theory]
    [InlineData("owner-servers", ServerPolicy.OwnerServers)]
    [InlineData("OWNER_SERVERS", ServerPolicy.OwnerServers)]
    [InlineData("OwnerServers", ServerPolicy.OwnerServers)]
    [InlineData("allow-list", ServerPolicy.AllowList)]
    [InlineData(" open ", ServerPolicy.Open)]
    public void Policy_names_are_read_in_any_spelling(string name, ServerPolicy expected)
    {
        Assert.True(ServerPolicies.TryParse(name, out var policy));
        Assert.Equal(expected, policy);
        Assert.Equal(expected, new OperatorOptions { ServerPolicy = name }.GetPolicy());
    }

    [Fact]
    public void An_unknown_policy_is_refused_naming_the_choices_without_echoing_the_value()
    {
        var options = new OperatorOptions { ServerPolicy = "afk_secret_pasted_here" };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        var error = Assert.Single(errors).ErrorMessage!;
        Assert.Contains("owner-servers, allow-list, open", error, StringComparison.Ordinal);
        Assert.DoesNotContain("afk_secret", error, StringComparison.Ordinal);
    }

    private static ServerAdmissionRules Rules(string policy)
    {
        var options = new OperatorOptions { ServerPolicy = policy, HomeServerId = Home };
        options.AllowedServerIds.Add(Listed);
        return new ServerAdmissionRules(options, [CommandGuild]);
    }

    private static ServerRecord Record(ulong guild, ServerState state) =>
        new(guild, state, "A server", At, 9, state == ServerState.Pending ? null : At, state == ServerState.Pending ? null : 8, null, At);
}
