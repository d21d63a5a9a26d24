using Microsoft.Extensions.Time.Testing;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Guilds;
using SeedreamBot.Core.Storage;
using SeedreamBot.Core.Tests.Storage;

namespace SeedreamBot.Core.Tests.Guilds;

public sealed class GuildSettingsStoreTests : IDisposable
{
    private const ulong Guild = 42;

    private readonly TempFolder _folder = new();

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero));

    private SeedreamDatabase _database;

    private GuildSettingsStore _store;

    public GuildSettingsStoreTests()
    {
        _database = new SeedreamDatabase(_folder.File("guilds.db"));
        _store = new GuildSettingsStore(_database, _time);
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void An_unconfigured_guild_has_empty_settings()
    {
        var settings = _store.Get(Guild);

        Assert.Equal(GuildSettings.Empty(Guild) with { RoleAllowances = settings.RoleAllowances, BannedTerms = settings.BannedTerms }, settings);
        Assert.Empty(settings.RoleAllowances);
        Assert.Empty(settings.BannedTerms);
    }

    [Fact]
    public void Every_setting_is_stored_and_survives_a_restart()
    {
        _store.SetLogChannel(Guild, 1_100_000_000_000_000_001);
        _store.SetDefaultAllowance(Guild, 15);
        _store.SetRefillPeriod(Guild, RefillPeriod.Monthly);
        _store.SetRoleAllowance(Guild, 7, 70);
        _store.SetRoleAllowance(Guild, 8, 80);
        _store.SetRoleAllowance(Guild, 8, null);
        _store.AddBannedTerm(Guild, "gore");

        Restart();
        var settings = _store.Get(Guild);

        Assert.Equal(1_100_000_000_000_000_001ul, settings.LogChannelId);
        Assert.Equal((15, RefillPeriod.Monthly), (settings.DefaultAllowance, settings.RefillPeriod));
        Assert.Equal(new Dictionary<ulong, int> { [7] = 70 }, settings.RoleAllowances);
        Assert.Equal(["gore"], settings.BannedTerms);
        Assert.Equal(_time.GetUtcNow(), settings.UpdatedAt);

        _store.SetLogChannel(Guild, null);
        _store.SetDefaultAllowance(Guild, null);
        _store.SetRefillPeriod(Guild, null);
        var cleared = _store.Get(Guild);
        Assert.Equal((null, null, null), (cleared.LogChannelId, cleared.DefaultAllowance, cleared.RefillPeriod));
    }

    [Fact]
    public void The_ban_list_adds_removes_and_lists_terms_with_messages()
    {
        var added = _store.AddBannedTerm(Guild, "  Red   Dress ");
        Assert.Equal((BanListOutcome.Added, "Red Dress", "Prompts containing \"Red Dress\" are now refused."), (added.Outcome, added.Term, added.Message));
        Assert.True(added.Changed);

        var duplicate = _store.AddBannedTerm(Guild, "red dress");
        Assert.Equal((BanListOutcome.AlreadyPresent, "\"red dress\" is already on the ban list."), (duplicate.Outcome, duplicate.Message));
        Assert.False(duplicate.Changed);

        var invalid = _store.AddBannedTerm(Guild, "?!");
        Assert.Equal((BanListOutcome.Invalid, "The term needs at least one letter or digit."), (invalid.Outcome, invalid.Message));

        _store.AddBannedTerm(Guild, "gore");
        Assert.Equal(["Red Dress", "gore"], _store.GetBannedTerms(Guild));

        var removed = _store.RemoveBannedTerm(Guild, "RED DRESS");
        Assert.Equal((BanListOutcome.Removed, "Red Dress", "\"Red Dress\" is no longer banned."), (removed.Outcome, removed.Term, removed.Message));
        Assert.Equal(["gore"], removed.Terms);

        var missing = _store.RemoveBannedTerm(Guild, "red dress");
        Assert.Equal((BanListOutcome.NotFound, "\"red dress\" is not on the ban list."), (missing.Outcome, missing.Message));
        Assert.Empty(_store.GetBannedTerms(43));
    }

    [Fact]
    public void The_ban_list_is_limited()
    {
        for (var i = 0; i < PromptBanList.MaxTerms; i++)
        {
            Assert.Equal(BanListOutcome.Added, _store.AddBannedTerm(Guild, $"term{i}").Outcome);
        }

        var full = _store.AddBannedTerm(Guild, "one more");

        Assert.Equal(BanListOutcome.Full, full.Outcome);
        Assert.Equal("The ban list is full (500 terms). Remove a term first.", full.Message);
    }

    [Fact]
    public void FindBannedTerm_follows_changes_to_the_list()
    {
        Assert.Null(_store.FindBannedTerm(Guild, "a gory scene with gore"));

        _store.AddBannedTerm(Guild, "gore");
        Assert.Equal("gore", _store.FindBannedTerm(Guild, "a gory scene with gore"));
        Assert.Null(_store.FindBannedTerm(43, "a gory scene with gore"));

        _store.RemoveBannedTerm(Guild, "gore");
        Assert.Null(_store.FindBannedTerm(Guild, "a gory scene with gore"));
    }

    [Fact]
    public void Negative_allowances_are_programming_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _store.SetDefaultAllowance(Guild, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _store.SetRoleAllowance(Guild, 1, -1));
    }

    private void Restart()
    {
        _database.Dispose();
        _database = new SeedreamDatabase(_folder.File("guilds.db"));
        _store = new GuildSettingsStore(_database, _time);
    }
}
