using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Reliability;

namespace SeedreamBot.Core.Jobs;

/// <summary>
/// The front door for generations: checks what can be checked without spending anything, holds the credits,
/// persists the generation and queues it. Refusals never cost the member anything.
/// </summary>
public sealed partial class GenerationService
{
    private readonly ICreditLedger _ledger;
    private readonly ICreditPricing _pricing;
    private readonly IPromptScreen _promptScreen;
    private readonly ISpendGuard _spendGuard;
    private readonly GenerationStore _store;
    private readonly GenerationScheduler _scheduler;
    private readonly GenerationRecovery _recovery;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<GenerationOptions> _options;
    private readonly ILogger<GenerationService> _logger;

    // Striped locks: one member's concurrent requests are counted and held one at a time, different members
    // rarely wait for each other.
    private readonly object[] _memberLocks = Enumerable.Range(0, 64).Select(_ => new object()).ToArray();
    private volatile bool _accepting = true;

    public GenerationService(
        ICreditLedger ledger,
        ICreditPricing pricing,
        IPromptScreen promptScreen,
        ISpendGuard spendGuard,
        GenerationStore store,
        GenerationScheduler scheduler,
        GenerationRecovery recovery,
        TimeProvider time,
        IOptionsMonitor<GenerationOptions> options,
        ILogger<GenerationService> logger)
    {
        _ledger = ledger;
        _pricing = pricing;
        _promptScreen = promptScreen;
        _spendGuard = spendGuard;
        _store = store;
        _scheduler = scheduler;
        _recovery = recovery;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>False once the host is stopping: new requests get a friendly "restarting" answer.</summary>
    public bool IsAccepting => _accepting;

    public void StopAccepting() => _accepting = false;

    /// <summary>
    /// Waits, at most <paramref name="maxWait"/>, for the start-up reconciliation of holds; false when it is still
    /// running (requests are then refused as "restarting"). Normally already done: it takes milliseconds at start.
    /// </summary>
    public async Task<bool> WaitUntilReadyAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var recovered = _recovery.Completed;
        if (recovered.IsCompletedSuccessfully)
        {
            return true;
        }

        try
        {
            await recovered.WaitAsync(maxWait, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// The checks that need no write, for answering before Discord's 3-second deadline: a refusal here is shown
    /// privately. <see cref="Start"/> checks again, since the balance can change in between.
    /// </summary>
    public StartRefusal? Precheck(CreditMember member, Generation.GenerationRequest request)
    {
        var cost = _pricing.CostOf(request.Size);
        if (RefuseWithoutCredits(member, request, cost) is { } refusal)
        {
            return refusal;
        }

        var balance = _ledger.PeekBalance(member);
        if (balance.Blocked)
        {
            return new StartRefusal(StartRefusalKind.Blocked, cost, balance, Reason: balance.BlockReason);
        }

        if (member.Scope.IsDirectMessage && balance.Allowance == 0 && balance.Available < cost)
        {
            return new StartRefusal(StartRefusalKind.DirectMessagesDisabled, cost, balance);
        }

        var pool = _ledger.PeekServerPool(member.Scope.GuildId);
        if (pool.Available < cost)
        {
            return PoolRefusal(cost, balance, pool);
        }

        return balance.Available < cost ? new StartRefusal(StartRefusalKind.InsufficientCredits, cost, balance) : null;
    }

    /// <summary>Records, holds and queues in one go (for callers with no acknowledgement in between); or says why not.</summary>
    public StartGenerationResult Start(StartGenerationCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return RefuseWithoutCredits(command.Member, command.Request, _pricing.CostOf(command.Request.Size)) is { } refusal
            ? StartGenerationResult.Refused(refusal)
            : Start(Record(command));
    }

    /// <summary>
    /// Stores the request (who, what, which interaction token) durably, before Discord is told anything: whatever
    /// happens after the acknowledgement, a restart finds it and either finishes it or tells the member it ended.
    /// Holds nothing yet; <see cref="Start(GenerationRecord)"/> does that once the member has been answered.
    /// </summary>
    public GenerationRecord Record(StartGenerationCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var scope = command.Member.Scope;
        var generation = new GenerationRecord
        {
            Id = GenerationIds.New(),
            Origin = command.Origin,
            ParentId = command.ParentId,
            GuildId = scope.GuildId,
            UserId = scope.UserId,
            RoleIds = [.. command.Member.RoleIds],
            Prompt = command.Request.Prompt,
            Size = command.Request.Size,
            AspectRatio = command.Request.AspectRatio,
            Format = command.Request.Format,
            InputImageUrls = [.. command.Request.InputImageUrls],
            Inputs = [.. (command.Inputs ?? []).Select(input => input.Copy())],
            Cost = _pricing.CostOf(command.Request.Size),
            State = GenerationState.Pending,
            Target = command.Target,
            CreatedAt = _time.GetUtcNow(),
        };
        _store.Insert(generation);
        return generation;
    }

    /// <summary>
    /// Holds the credits for a <see cref="Record"/>ed request, marks it queued and queues it; or says why not, and
    /// forgets the request (a refusal costs nothing and leaves nothing behind).
    /// </summary>
    public StartGenerationResult Start(GenerationRecord generation)
    {
        ArgumentNullException.ThrowIfNull(generation);
        if (generation.State != GenerationState.Pending)
        {
            throw new InvalidOperationException($"Generation {generation.Id} was already started ({generation.State}).");
        }

        var cost = generation.Cost;
        var scope = generation.Scope;
        lock (_memberLocks[(int)((scope.UserId ^ scope.GuildId) % (ulong)_memberLocks.Length)])
        {
            if (RefuseWithoutCredits(generation.Member, generation.ToRequest(), cost) is { } refusal)
            {
                return Refuse(generation, refusal);
            }

            var hold = _ledger.TryHold(generation.Member, generation.Id, cost);
            switch (hold.Status)
            {
                case HoldStatus.Blocked:
                    return Refuse(generation, new StartRefusal(StartRefusalKind.Blocked, cost, hold.Balance, Reason: hold.Balance.BlockReason));
                case HoldStatus.InsufficientCredits:
                    return Refuse(generation, new StartRefusal(StartRefusalKind.InsufficientCredits, cost, hold.Balance));
                case HoldStatus.DirectMessagesDisabled:
                    return Refuse(generation, new StartRefusal(StartRefusalKind.DirectMessagesDisabled, cost, hold.Balance));
                case HoldStatus.ServerBudgetExhausted:
                    return Refuse(generation, PoolRefusal(cost, hold.Balance, hold.Pool!));
            }

            FailPoints.Reach(FailPointNames.AfterHold);
            generation.State = GenerationState.Queued;
            try
            {
                _store.Save(generation);
            }
            catch
            {
                // Nothing will run for this hold: give it back now rather than at the next start.
                generation.State = GenerationState.Pending;
                _ledger.Release(generation.Id, "The generation could not be saved.");
                throw;
            }

            _scheduler.Enqueue(generation);
            _spendGuard.Reserve();
            LogStarted(generation.Id, generation.Origin, cost);
            return StartGenerationResult.Accepted(generation, _scheduler.StatusOf(generation.Id));
        }
    }

    /// <summary>
    /// Drops a recorded request that will never start (Discord did not take the acknowledgement): nothing is held
    /// for it yet. If the deletion fails, the next start ends the request as interrupted.
    /// </summary>
    public void Forget(GenerationRecord generation)
    {
        ArgumentNullException.ThrowIfNull(generation);
        try
        {
            _store.Delete(generation.Id);
        }
        catch (Exception exception) when (exception is IOException or LiteDB.LiteException or ObjectDisposedException)
        {
            LogForgetFailed(exception, generation.Id);
        }
    }

    private StartGenerationResult Refuse(GenerationRecord generation, StartRefusal refusal)
    {
        Forget(generation);
        return StartGenerationResult.Refused(refusal);
    }

    public GenerationRecord? Find(string generationId) =>
        GenerationIds.IsValid(generationId) ? _store.Find(generationId) : null;

    /// <summary>A member's generations, newest first, one page at a time (page is 1-based).</summary>
    public GenerationHistoryPage History(CreditScope member, int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var total = _store.CountForMember(member);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        var current = Math.Clamp(page, 1, pages);
        var items = _store.ForMember(member, (current - 1) * pageSize, pageSize);
        return new GenerationHistoryPage(items, current, pages, total);
    }

    /// <summary>Direct messages without a pool are simply off; a server's empty pool says when it refills.</summary>
    private static StartRefusal PoolRefusal(int cost, CreditBalance balance, ServerPoolBalance pool) =>
        pool.IsDirectMessages && pool.Budget == 0
            ? new StartRefusal(StartRefusalKind.DirectMessagesDisabled, cost, balance)
            : new StartRefusal(StartRefusalKind.ServerBudgetExhausted, cost, balance, Pool: pool);

    private StartRefusal? RefuseWithoutCredits(CreditMember member, Generation.GenerationRequest request, int cost)
    {
        // Stopping, or still starting: before the start-up reconciliation has run, a new hold could be mistaken
        // for one a crash left behind and released under the running generation.
        if (!_accepting || !_recovery.Completed.IsCompletedSuccessfully)
        {
            return new StartRefusal(StartRefusalKind.ShuttingDown, cost);
        }

        if (!member.Scope.IsDirectMessage && _promptScreen.FindBannedTerm(member.Scope.GuildId, request.Prompt) is { Length: > 0 } term)
        {
            return new StartRefusal(StartRefusalKind.BannedPrompt, cost, BannedTerm: term);
        }

        var limit = _options.CurrentValue.MaxQueuedPerUser;
        if (_scheduler.UnfinishedFor(member.Scope) >= limit)
        {
            return new StartRefusal(StartRefusalKind.QueueFull, cost, Limit: limit);
        }

        return _spendGuard.AllowsNewGeneration() ? null : new StartRefusal(StartRefusalKind.BudgetExhausted, cost);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId}: the request that did not start could not be removed; the next start ends it")]
    private partial void LogForgetFailed(Exception exception, string generationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId} ({Origin}) queued; {Cost} credits held")]
    private partial void LogStarted(string generationId, GenerationOrigin origin, int cost);
}
