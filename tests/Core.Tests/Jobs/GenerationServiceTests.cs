using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Jobs;

namespace SeedreamBot.Core.Tests.Jobs;

/// <summary>The front door's edges: exact balances, direct messages, /history paging, and what it refuses to be called with.</summary>
public sealed class GenerationServiceTests : IDisposable
{
    private readonly GenerationPipeline _pipeline = new();

    private GenerationService Service => _pipeline.Service;

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public void Exactly_the_cost_left_in_the_balance_and_in_the_server_pool_is_enough()
    {
        using var exact = new GenerationPipeline(new() { ["Credits:DefaultAllowance"] = "4", ["Operator:DefaultServerBudget"] = "4" });

        Assert.Null(exact.Service.Precheck(GenerationPipeline.Member(1), GenerationPipeline.Request()));
        Assert.True(exact.Start(1).Started);
    }

    [Fact]
    public void A_server_with_no_budget_is_refused_as_used_up_not_as_direct_messages_being_off()
    {
        using var none = new GenerationPipeline(new() { ["Operator:DefaultServerBudget"] = "0" });

        Assert.Equal(StartRefusalKind.ServerBudgetExhausted, none.Service.Precheck(GenerationPipeline.Member(1), GenerationPipeline.Request())!.Kind);
        Assert.Equal(StartRefusalKind.ServerBudgetExhausted, none.Start(1).Refusal!.Kind);
    }

    [Fact]
    public void A_server_member_without_an_allowance_is_short_of_credits_and_direct_messages_without_one_are_off()
    {
        using var dms = new GenerationPipeline(new()
        {
            ["Credits:DefaultAllowance"] = "0",
            ["Credits:DirectMessageAllowance"] = "0",
            ["Operator:DirectMessageBudget"] = "100",
        });

        var inServer = dms.Service.Precheck(GenerationPipeline.Member(1), GenerationPipeline.Request());
        var inDirectMessages = dms.Service.Precheck(CreditMember.DirectMessage(1), GenerationPipeline.Request());

        Assert.Equal(StartRefusalKind.InsufficientCredits, inServer!.Kind);
        Assert.Equal(StartRefusalKind.DirectMessagesDisabled, inDirectMessages!.Kind);
    }

    [Fact]
    public void Direct_messages_with_an_allowance_pass_the_precheck_when_the_pool_allows()
    {
        using var dms = new GenerationPipeline(new()
        {
            ["Credits:DirectMessageAllowance"] = "4",
            ["Operator:DirectMessageBudget"] = "100",
        });

        Assert.Null(dms.Service.Precheck(CreditMember.DirectMessage(1), GenerationPipeline.Request()));
    }

    [Fact]
    public async Task Once_recovery_has_run_the_service_is_ready_without_waiting()
    {
        Assert.True(await Service.WaitUntilReadyAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public void A_blocked_member_is_refused_in_the_precheck_with_the_moderator_s_reason()
    {
        _pipeline.Get<ICreditModeration>().Block(9, GenerationPipeline.Member(1), "spam");

        var refusal = Service.Precheck(GenerationPipeline.Member(1), GenerationPipeline.Request());

        Assert.Equal((StartRefusalKind.Blocked, "spam"), (refusal!.Kind, refusal.Reason));
    }

    [Fact]
    public void A_started_generation_is_told_its_place_in_line()
    {
        // No scheduler loop runs here, so both stay waiting: one each for two members, in arrival order.
        var first = _pipeline.Start(1);
        var second = _pipeline.Start(2);

        Assert.Equal((1, 1), (first.Queue!.Value.Position, first.Queue.Value.Waiting));
        Assert.Equal((2, 2), (second.Queue!.Value.Position, second.Queue.Value.Waiting));
    }

    [Fact]
    public void The_pipeline_falls_back_to_the_system_clock_and_needs_a_configuration()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var provider = new ServiceCollection()
            .AddGenerationJobs(configuration)
            .BuildServiceProvider();

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddGenerationJobs(null!));
        Assert.Equal(20L * 1024 * 1024, new GenerationOptions().MaxInputImageBytes); // the documented 20 MiB
    }

    [Fact]
    public void History_pages_a_member_s_own_generations_newest_first_and_clamps_the_page()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(Service.Record(Command(1)).Id);
            _pipeline.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Service.Record(Command(2));
        var member = new CreditScope(GenerationPipeline.Guild, 1);

        var second = Service.History(member, page: 2, pageSize: 2);
        Assert.Equal((2, 3, 5), (second.Page, second.Pages, second.Total));
        Assert.Equal([ids[2], ids[1]], second.Items.Select(g => g.Id));

        var last = Service.History(member, page: 99, pageSize: 2);
        Assert.Equal(3, last.Page);
        Assert.Equal([ids[0]], last.Items.Select(g => g.Id));

        var first = Service.History(member, page: 0, pageSize: 2);
        Assert.Equal(1, first.Page);
        Assert.Equal([ids[4], ids[3]], first.Items.Select(g => g.Id));

        var empty = Service.History(new CreditScope(GenerationPipeline.Guild, 3), page: 1, pageSize: 2);
        Assert.Equal((1, 1, 0), (empty.Page, empty.Pages, empty.Total));
        Assert.Empty(empty.Items);

        Assert.Throws<ArgumentOutOfRangeException>(() => Service.History(member, page: 1, pageSize: 0));
    }

    [Fact]
    public void Find_looks_up_only_well_formed_ids()
    {
        var recorded = Service.Record(Command(1));

        Assert.Equal(recorded.Id, Service.Find(recorded.Id)!.Id);
        Assert.Null(Service.Find("not-an-id"));
        Assert.Null(Service.Find(GenerationIds.New()));
    }

    [Fact]
    public void A_generation_cannot_be_started_twice()
    {
        var started = _pipeline.Start(1).Generation!;

        Assert.Throws<InvalidOperationException>(() => Service.Start(started));
        Assert.Equal(4, _pipeline.Ledger.GetBalance(GenerationPipeline.Member(1)).Held);
    }

    [Fact]
    public void Null_arguments_are_refused_before_anything_is_written()
    {
        Assert.Throws<ArgumentNullException>(() => Service.Start((StartGenerationCommand)null!));
        Assert.Throws<ArgumentNullException>(() => Service.Start((GenerationRecord)null!));
        Assert.Throws<ArgumentNullException>(() => Service.Record(null!));
        Assert.Throws<ArgumentNullException>(() => Service.Forget(null!));
        Assert.Equal(0, _pipeline.Store.CountForMember(new CreditScope(GenerationPipeline.Guild, 1)));
    }

    [Fact]
    public void The_queue_limit_must_allow_at_least_the_running_jobs()
    {
        Assert.Empty(Validate(new GenerationOptions { MaxJobsPerUser = 3, MaxQueuedPerUser = 3 }));

        var error = Assert.Single(Validate(new GenerationOptions { MaxJobsPerUser = 3, MaxQueuedPerUser = 2 }));
        Assert.Contains("Generation:MaxQueuedPerUser", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal([nameof(GenerationOptions.MaxQueuedPerUser)], error.MemberNames);
    }

    private static List<System.ComponentModel.DataAnnotations.ValidationResult> Validate(GenerationOptions options) =>
        [.. options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options))];

    private static StartGenerationCommand Command(ulong user) =>
        new(GenerationOrigin.Imagine, GenerationPipeline.Member(user), GenerationPipeline.Request(),
            new DeliveryTarget { GuildId = GenerationPipeline.Guild, ChannelId = 1, InteractionToken = "token" });
}
