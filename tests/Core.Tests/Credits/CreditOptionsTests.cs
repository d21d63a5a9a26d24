using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Guilds;
using SeedreamBot.Core.Storage;
using SeedreamBot.Core.Tests.Storage;

namespace SeedreamBot.Core.Tests.Credits;

public sealed class CreditOptionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Defaults_match_the_documented_ones()
    {
        var options = new CreditOptions();

        Assert.Equal((40, RefillPeriod.Daily, "UTC", 4, 0, 10_000), (options.DefaultAllowance, options.RefillPeriod, options.TimeZone,
            options.CostPerGeneration, options.DirectMessageAllowance, options.MaxAdjustment));
        Assert.Empty(options.CostPerSize);
        Assert.Empty(options.ModeratorRoleIds);
    }

    [Fact]
    public void Every_key_binds_from_configuration()
    {
        using var provider = Build(new()
        {
            ["Credits:DefaultAllowance"] = "25",
            ["Credits:RefillPeriod"] = "Weekly",
            ["Credits:TimeZone"] = "Europe/Berlin",
            ["Credits:CostPerGeneration"] = "5",
            ["Credits:CostPerSize:3K"] = "8",
            ["Credits:DirectMessageAllowance"] = "12",
            ["Credits:MaxAdjustment"] = "300",
            ["Credits:ModeratorRoleIds:0"] = "1100000000000000001",
            ["Credits:ModeratorRoleIds:1"] = "1100000000000000002",
        });

        var options = provider.GetRequiredService<IOptions<CreditOptions>>().Value;
        var pricing = provider.GetRequiredService<ICreditPricing>();

        Assert.Equal((25, RefillPeriod.Weekly, "Europe/Berlin", 12, 300), (options.DefaultAllowance, options.RefillPeriod, options.TimeZone,
            options.DirectMessageAllowance, options.MaxAdjustment));
        Assert.Equal([1100000000000000001ul, 1100000000000000002ul], options.ModeratorRoleIds);
        Assert.Equal(5, pricing.CostOf(ImageSize.TwoK));
        Assert.Equal(8, pricing.CostOf(ImageSize.ThreeK));
    }

    [Fact]
    public void Costs_fall_back_to_the_cost_per_generation_and_per_size_keys_ignore_case()
    {
        var costs = new CreditCosts(Options.Create(new CreditOptions { CostPerSize = new() { ["2k"] = 3 } }));

        Assert.Equal(3, costs.CostOf(ImageSize.TwoK));
        Assert.Equal(4, costs.CostOf(ImageSize.ThreeK));
    }

    [Theory]
    [InlineData("Credits:TimeZone", "Mars/Olympus", "Credits:TimeZone is not a time zone this machine knows. Use an IANA id such as Europe/Berlin")]
    [InlineData("Credits:DefaultAllowance", "-1", "Credits:DefaultAllowance must be between 0 and 1,000,000")]
    [InlineData("Credits:DefaultAllowance", "1000001", "Credits:DefaultAllowance must be between 0 and 1,000,000")]
    [InlineData("Credits:CostPerGeneration", "0", "Credits:CostPerGeneration must be between 1 and 1000")]
    [InlineData("Credits:CostPerSize:4K", "6", "Credits:CostPerSize:4K names an unknown size. Use 2K or 3K")]
    [InlineData("Credits:CostPerSize:3K", "0", "Credits:CostPerSize:3K must be between 1 and 1000 (it is 0)")]
    [InlineData("Credits:DirectMessageAllowance", "-3", "Credits:DirectMessageAllowance must be between 0 (off) and 1,000,000")]
    [InlineData("Credits:MaxAdjustment", "0", "Credits:MaxAdjustment must be between 1 and 1,000,000")]
    public void Bad_values_stop_the_start_with_a_message_naming_the_setting(string key, string value, string message)
    {
        using var provider = Build(new() { [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CreditOptions>>().Value);

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCreditLedger_registers_every_service_as_a_singleton_over_one_database()
    {
        using var provider = Build([]);

        var ledger = provider.GetRequiredService<ICreditLedger>();
        var moderation = provider.GetRequiredService<ICreditModeration>();

        Assert.Same(ledger, provider.GetRequiredService<CreditLedger>());
        Assert.Same(moderation, provider.GetRequiredService<CreditModeration>());
        Assert.Same(provider.GetRequiredService<IGuildSettingsStore>(), provider.GetRequiredService<GuildSettingsStore>());
        Assert.NotNull(provider.GetRequiredService<CreditLedgerAudit>());
        Assert.Equal(_folder.File("bot.db"), provider.GetRequiredService<SeedreamDatabase>().FullPath);
        var member = new CreditMember(new CreditScope(1, 2), []);
        Assert.Equal(HoldStatus.Placed, ledger.TryHold(member, "g", 4).Status);
        Assert.Equal(36, moderation.Grant(3, member, 0).After.Available);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Storage:DatabasePath"] = _folder.File("bot.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCreditLedger(configuration);
        return services.BuildServiceProvider();
    }
}
