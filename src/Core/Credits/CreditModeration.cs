using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Guilds;
using SeedreamBot.Core.Servers;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Credits;

/// <summary>The moderator operations behind <c>/quota</c>, over the same ledger as <see cref="CreditLedger"/>.</summary>
public sealed class CreditModeration : ICreditModeration
{
    private const int ExportBatchSize = 500;

    private const string NotInGuildMessage = "Quota commands work only inside a server.";

    private readonly SeedreamDatabase _database;

    private readonly CreditPolicy _policy;

    private readonly CreditCosts _costs;

    private readonly TimeProvider _time;

    private readonly ILogger _logger;

    public CreditModeration(
        SeedreamDatabase database,
        IOptions<CreditOptions> options,
        TimeProvider time,
        ILogger<CreditModeration> logger,
        IOptions<OperatorOptions>? operatorOptions = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _database = database;
        _policy = new CreditPolicy(options, operatorOptions?.Value);
        _costs = new CreditCosts(options);
        _time = time;
        _logger = logger;
    }

    private int MaxAdjustment => _policy.Options.MaxAdjustment;

    public ModerationResult Grant(ulong actorId, CreditMember target, int amount, string? reason = null) =>
        Change(actorId, target, reason,
            account => PositiveAmount(amount)
                ?? (account.Bonus + (long)amount > CreditPolicy.MaxBonus
                    ? (ModerationRefusal.BalanceTooLarge,
                        $"That would give the member more than {Number(CreditPolicy.MaxBonus)} bonus credits.")
                    : null),
            (book, account, why) => book.Record(account, CreditEntryKind.Grant, actorId, amount, why, null,
                a => a.Bonus += amount),
            (before, after) => $"Granted {Number(amount)} bonus credits. Balance {Number(before.Available)} → {Number(after.Available)}.");

    public ModerationResult Take(ulong actorId, CreditMember target, int amount, string? reason = null)
    {
        var fromBonus = 0;
        return Change(actorId, target, reason,
            account => PositiveAmount(amount)
                ?? (amount > account.Balance
                    ? (ModerationRefusal.InsufficientBalance, account.Balance == 0
                        ? "The member has no credits left to take."
                        : $"The member has only {Number(account.Balance)} credits ({Number(account.AllowanceRemaining)} " +
                          $"allowance left + {Number(account.Bonus)} bonus), so at most {Number(account.Balance)} can be taken.")
                    : null),
            (book, account, why) =>
            {
                fromBonus = Math.Min(account.Bonus, amount);
                book.Record(account, CreditEntryKind.Take, actorId, amount, why, null, a =>
                {
                    a.Bonus -= fromBonus;
                    a.AllowanceUsed += amount - fromBonus;
                });
            },
            (before, after) => $"Took {Number(amount)} credits ({Number(fromBonus)} bonus, {Number(amount - fromBonus)} " +
                $"allowance). Balance {Number(before.Available)} → {Number(after.Available)}.");
    }

    public ModerationResult Set(ulong actorId, CreditMember target, int amount, string? reason = null) =>
        Change(actorId, target, reason,
            _ => NonNegativeAmount(amount),
            (book, account, why) => book.Record(account, CreditEntryKind.Set, actorId, amount, why, null, a =>
            {
                var fromAllowance = Math.Min(amount, a.Allowance);
                a.AllowanceUsed = a.Allowance - fromAllowance;
                a.Bonus = amount - fromAllowance;
            }),
            (before, after) => $"Balance set to {Number(after.Available)} ({Number(after.AllowanceRemaining)} allowance + " +
                $"{Number(after.Bonus)} bonus); it was {Number(before.Available)}.");

    public ModerationResult Reset(ulong actorId, CreditMember target, string? reason = null) =>
        Change(actorId, target, reason,
            _ => null,
            (book, account, why) =>
            {
                var periodStart = RefillCalendar.PeriodStart(
                    _policy.PeriodFor(book.Guild(account.Scope.GuildId)), _policy.Zone, book.Now).UtcTicks;
                book.Record(account, CreditEntryKind.Reset, actorId, account.Allowance, why, null, a =>
                {
                    a.AllowanceUsed = 0;
                    a.Bonus = 0;
                    a.SpentThisPeriod = 0;
                    a.PeriodStartTicks = Math.Max(a.PeriodStartTicks, periodStart);
                });
            },
            (before, after) => $"Reset to a fresh period: {Number(after.AllowanceRemaining)} allowance, no bonus. " +
                $"Balance {Number(before.Available)} → {Number(after.Available)}.");

    public ModerationResult Block(ulong actorId, CreditMember target, string? reason = null) =>
        Change(actorId, target, reason,
            account => account.Blocked
                ? (ModerationRefusal.AlreadyBlocked, account.BlockReason is null
                    ? "The member is already blocked."
                    : $"The member is already blocked ({account.BlockReason}).")
                : null,
            (book, account, why) => book.Record(account, CreditEntryKind.Block, actorId, 0, why, null, a =>
            {
                a.Blocked = true;
                a.BlockReason = why;
            }),
            (_, _) => "Blocked: the member can't start generations until unblocked.");

    public ModerationResult Unblock(ulong actorId, CreditMember target, string? reason = null) =>
        Change(actorId, target, reason,
            account => account.Blocked ? null : (ModerationRefusal.NotBlocked, "The member isn't blocked."),
            (book, account, why) => book.Record(account, CreditEntryKind.Unblock, actorId, 0, why, null, a =>
            {
                a.Blocked = false;
                a.BlockReason = null;
            }),
            (_, _) => "Unblocked: the member can generate again.");

    public AllowanceResult SetAllowance(
        ulong guildId, ulong actorId, int amount, RefillPeriod? period = null, AllowanceTarget? target = null, string? reason = null)
    {
        if (period is { } p && !Enum.IsDefined(p))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown refill period.");
        }

        return ChangeAllowance(guildId, actorId, target ?? AllowanceTarget.Guild, amount, period, reason,
            NonNegativeAmount(amount));
    }

    public AllowanceResult ClearAllowance(ulong guildId, ulong actorId, AllowanceTarget target, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ChangeAllowance(guildId, actorId, target, null, null, reason, null);
    }

    public AllowanceResult SetRefillPeriod(ulong guildId, ulong actorId, RefillPeriod? period)
    {
        if (period is { } p && !Enum.IsDefined(p))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown refill period.");
        }

        var result = _database.Write(db =>
        {
            var book = new CreditBook(db, _policy, _time.GetUtcNow());
            var guild = book.Guild(guildId);
            var previous = _policy.PeriodFor(guild);
            if (guildId == 0)
            {
                return RefusedAllowance(ModerationRefusal.NotInGuild, NotInGuildMessage, AllowanceTarget.Guild, null, previous);
            }

            if (period is null && guild.RefillPeriod is null)
            {
                return RefusedAllowance(ModerationRefusal.NothingToClear,
                    $"The server already uses the configured refill period ({previous}).", AllowanceTarget.Guild,
                    guild.DefaultAllowance, previous);
            }

            var updated = guild with { RefillPeriod = period, UpdatedAt = book.Now };
            GuildSettingsStore.Save(db, updated);
            var current = _policy.PeriodFor(updated);
            return new AllowanceResult(ModerationRefusal.None,
                period is null
                    ? $"The server uses the configured refill period again ({current})."
                    : $"Allowances now refill every {CreditPolicy.PeriodNoun(current)} ({current}).",
                AllowanceTarget.Guild, guild.DefaultAllowance, updated.DefaultAllowance, previous, current, null, null);
        });

        // Logged after the write: a write's work may run again when another write of its group fails.
        if (result.Succeeded)
        {
            _logger.LogInformation("Guild {GuildId}: refill period {Previous} -> {Current} by {ActorId}",
                guildId, result.PreviousPeriod, result.Period, actorId);
        }

        return result;
    }

    public CreditHistoryPage GetHistory(ulong guildId, ulong? userId = null, int page = 1, int pageSize = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 100);
        return _database.Read(db =>
        {
            var entries = CreditCollections.EntriesIn(db);
            var filter = userId is { } user
                ? Query.EQ("s", CreditAccount.KeyOf(new CreditScope(guildId, user)))
                : CreditCollections.EntriesOfGuild(guildId);
            var total = entries.Count(filter);
            var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
            var shown = Math.Clamp(page, 1, pages);
            var list = entries.Query()
                .Where(filter)
                .OrderByDescending("_id")
                .Skip((shown - 1) * pageSize)
                .Limit(pageSize)
                .ToEnumerable()
                .Select(CreditEntryDocuments.FromDocument)
                .ToList();
            return new CreditHistoryPage(list, shown, pageSize, total);
        });
    }

    public IReadOnlyList<CreditSpender> GetTopSpenders(ulong guildId, SpendingWindow window, int limit = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var now = _time.GetUtcNow();
        DateTimeOffset? since = window switch
        {
            SpendingWindow.Today => RefillCalendar.PeriodStart(RefillPeriod.Daily, _policy.Zone, now),
            SpendingWindow.ThisWeek => RefillCalendar.PeriodStart(RefillPeriod.Weekly, _policy.Zone, now),
            SpendingWindow.ThisMonth => RefillCalendar.PeriodStart(RefillPeriod.Monthly, _policy.Zone, now),
            SpendingWindow.AllTime => null,
            _ => throw new ArgumentOutOfRangeException(nameof(window), window, "Unknown spending window."),
        };
        return _database.Read(db =>
        {
            var settled = CreditEntryKindNames.NameOf(CreditEntryKind.Settle);
            var filter = since is { } start
                ? Query.And(CreditCollections.EntriesOfGuild(guildId), Query.EQ("k", settled), Query.GTE("t", Bson.Time(start)))
                : Query.And(CreditCollections.EntriesOfGuild(guildId), Query.EQ("k", settled));
            return CreditCollections.EntriesIn(db).Find(filter)
                .GroupBy(doc => Bson.ToUlong(doc["u"]))
                .Select(group => new CreditSpender(group.Key, group.Sum(doc => doc["am"].AsInt32), group.Count()))
                .OrderByDescending(spender => spender.Spent)
                .ThenByDescending(spender => spender.Images)
                .ThenBy(spender => spender.UserId)
                .Take(limit)
                .ToList();
        });
    }

    public async Task<int> ExportCsvAsync(ulong guildId, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteAsync(CreditCsv.Header.AsMemory(), cancellationToken);
        var count = 0;
        var after = 0L;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var last = after;
            var batch = _database.Read(db => CreditCollections.EntriesIn(db).Query()
                .Where(Query.And(Query.GT("_id", last), Query.EQ("g", Bson.Id(guildId))))
                .OrderBy("_id")
                .Limit(ExportBatchSize)
                .ToEnumerable()
                .Select(CreditEntryDocuments.FromDocument)
                .ToList());
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var entry in batch)
            {
                await writer.WriteAsync(CreditCsv.Row(entry).AsMemory(), cancellationToken);
            }

            count += batch.Count;
            after = batch[^1].Id;
        }

        await writer.FlushAsync(cancellationToken);
        return count;
    }

    public QuotaSettings SetLogChannel(ulong guildId, ulong actorId, ulong? channelId)
    {
        ArgumentOutOfRangeException.ThrowIfZero(guildId);
        _database.Write(db =>
        {
            var guild = GuildSettingsStore.Load(db, guildId);
            GuildSettingsStore.Save(db, guild with { LogChannelId = channelId, UpdatedAt = _time.GetUtcNow() });
        });
        _logger.LogInformation("Guild {GuildId}: quota log channel set to {ChannelId} by {ActorId}", guildId, channelId, actorId);
        return GetSettings(guildId);
    }

    public QuotaSettings GetSettings(ulong guildId)
    {
        var now = _time.GetUtcNow();
        return _database.Read(db =>
        {
            var guild = GuildSettingsStore.Load(db, guildId);
            var accounts = CreditCollections.AccountsIn(db);
            var inGuild = Query.EQ("g", Bson.Id(guildId));
            var overrides = accounts.Count(Query.And(inGuild, Query.Not("ao", BsonValue.Null)));
            var blocked = accounts.Count(Query.And(inGuild, Query.EQ("bl", true)));
            var period = _policy.PeriodFor(guild);
            var book = new CreditBook(db, _policy, now);
            return new QuotaSettings(
                guildId,
                guild.DefaultAllowance ?? _policy.Options.DefaultAllowance,
                guild.DefaultAllowance is null ? AllowanceSource.Configuration : AllowanceSource.GuildDefault,
                period,
                guild.RefillPeriod is not null,
                _policy.Options.TimeZone,
                guild.RoleAllowances,
                overrides,
                _policy.Options.CostPerGeneration,
                _costs.All(),
                guild.LogChannelId,
                blocked,
                _policy.Options.DirectMessageAllowance,
                MaxAdjustment,
                guild.BannedTerms.Count,
                RefillCalendar.NextBoundary(period, _policy.Zone, now),
                book.BalanceOf(book.OpenPool(guildId)));
        });
    }

    private ModerationResult Change(
        ulong actorId,
        CreditMember target,
        string? reason,
        Func<CreditAccount, (ModerationRefusal Refusal, string Message)?> check,
        Action<CreditBook, CreditAccount, string?> apply,
        Func<CreditBalance, CreditBalance, string> describe)
    {
        ArgumentNullException.ThrowIfNull(target);
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var result = _database.Write(db =>
        {
            var book = new CreditBook(db, _policy, _time.GetUtcNow());
            var account = book.Open(target.Scope, target.RoleIds);
            var before = book.BalanceOf(account);
            var refusal = target.Scope.IsDirectMessage
                ? (ModerationRefusal.NotInGuild, NotInGuildMessage)
                : ReasonProblem(why) ?? check(account);
            if (refusal is { } refused)
            {
                // Nothing is saved, not even a refill that came due: a refused command leaves no trace.
                return new ModerationResult(refused.Item1, refused.Item2, before, before);
            }

            apply(book, account, why);
            book.Save(account);
            var after = book.BalanceOf(account);
            return new ModerationResult(ModerationRefusal.None, describe(before, after), before, after);
        });

        if (result.Succeeded)
        {
            _logger.LogInformation("Quota change for {Scope} by {ActorId}: {Message}", target.Scope, actorId, result.Message);
        }

        return result;
    }

    private AllowanceResult ChangeAllowance(
        ulong guildId,
        ulong actorId,
        AllowanceTarget target,
        int? amount,
        RefillPeriod? period,
        string? reason,
        (ModerationRefusal Refusal, string Message)? amountProblem)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var result = _database.Write(db =>
        {
            var book = new CreditBook(db, _policy, _time.GetUtcNow());
            var guild = book.Guild(guildId);
            var previousPeriod = _policy.PeriodFor(guild);
            int? previous = target.Kind switch
            {
                AllowanceTargetKind.Guild => guild.DefaultAllowance,
                AllowanceTargetKind.Role => guild.RoleAllowances.TryGetValue(target.Id, out var roleAmount) ? roleAmount : null,
                _ => null,
            };
            CreditAccount? account = null;
            CreditBalance? before = null;
            if (target.Kind == AllowanceTargetKind.User && guildId != 0)
            {
                account = book.Open(new CreditScope(guildId, target.Id), target.RoleIds);
                before = book.BalanceOf(account);
                previous = account.AllowanceOverride;
            }

            var refusal = guildId == 0
                ? (ModerationRefusal.NotInGuild, NotInGuildMessage)
                : ReasonProblem(why) ?? amountProblem;
            if (refusal is null && amount is null && previous is null)
            {
                refusal = (ModerationRefusal.NothingToClear, target.Kind switch
                {
                    AllowanceTargetKind.Guild => "The server has no default allowance of its own; it already uses the configured one.",
                    AllowanceTargetKind.Role => "That role has no allowance to clear.",
                    _ => "That member has no allowance of their own to clear.",
                });
            }

            if (refusal is { } refused)
            {
                return new AllowanceResult(refused.Item1, refused.Item2, target, previous, previous,
                    previousPeriod, previousPeriod, before, before);
            }

            var updated = target.Kind switch
            {
                AllowanceTargetKind.Guild => guild with { DefaultAllowance = amount },
                AllowanceTargetKind.Role => GuildSettingsStore.WithRoleAllowance(guild, target.Id, amount),
                _ => guild,
            };
            if (period is not null)
            {
                updated = updated with { RefillPeriod = period };
            }

            if (updated != guild)
            {
                updated = updated with { UpdatedAt = book.Now };
                GuildSettingsStore.Save(db, updated);
                book.UseGuild(updated);
            }

            var currentPeriod = _policy.PeriodFor(updated);
            CreditBalance? after = null;
            if (account is not null)
            {
                account.AllowanceOverride = amount;
                account.Dirty = true;
                book.ReconcileAllowance(account, target.RoleIds, actorId, why);
                book.Save(account);
                after = book.BalanceOf(account);
            }

            return new AllowanceResult(ModerationRefusal.None, DescribeAllowance(target, amount, currentPeriod, previousPeriod),
                target, previous, amount, previousPeriod, currentPeriod, before, after);
        });

        if (result.Succeeded)
        {
            _logger.LogInformation("Guild {GuildId}: allowance change by {ActorId}: {Message}", guildId, actorId, result.Message);
        }

        return result;
    }

    private string DescribeAllowance(AllowanceTarget target, int? amount, RefillPeriod period, RefillPeriod previousPeriod)
    {
        var noun = CreditPolicy.PeriodNoun(period);
        var who = target.Kind switch
        {
            AllowanceTargetKind.Guild => "Members without a role allowance or their own",
            AllowanceTargetKind.Role => $"Members whose best role is {target.Id}",
            _ => "The member",
        };
        var what = amount is { } value
            ? $"{who} now get {Number(value)} credits per {noun}."
            : target.Kind switch
            {
                AllowanceTargetKind.Guild => $"The server default is cleared; members get the configured {Number(_policy.Options.DefaultAllowance)} per {noun}.",
                AllowanceTargetKind.Role => $"Role {target.Id} no longer gives an allowance.",
                _ => "The member's own allowance is cleared; their roles or the server default apply again.",
            };
        return period == previousPeriod ? what : $"{what} Allowances now refill every {noun}.";
    }

    private (ModerationRefusal, string)? PositiveAmount(int amount) =>
        amount < 1
            ? (ModerationRefusal.AmountNotPositive, "The amount must be at least 1.")
            : TooLarge(amount);

    private (ModerationRefusal, string)? NonNegativeAmount(int amount) =>
        amount < 0
            ? (ModerationRefusal.AmountNegative, "The amount can't be negative.")
            : TooLarge(amount);

    private (ModerationRefusal, string)? TooLarge(int amount) =>
        amount > MaxAdjustment
            ? (ModerationRefusal.AmountTooLarge,
                $"At most {Number(MaxAdjustment)} credits can be adjusted in one command (Credits:MaxAdjustment).")
            : null;

    private static (ModerationRefusal, string)? ReasonProblem(string? reason) =>
        reason is { Length: > CreditPolicy.MaxReasonLength }
            ? (ModerationRefusal.ReasonTooLong,
                $"The reason is too long ({reason.Length} characters; at most {CreditPolicy.MaxReasonLength}).")
            : null;

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static AllowanceResult RefusedAllowance(
        ModerationRefusal refusal, string message, AllowanceTarget target, int? allowance, RefillPeriod period) =>
        new(refusal, message, target, allowance, allowance, period, period, null, null);
}
