using SeedreamBot.Bot.Credits;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Reliability;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Generation;

/// <summary>
/// The one way every command and button starts a generation: refuse privately what can be refused for free, store
/// the request durably, acknowledge publicly within Discord's 3 seconds, then hold the credits and queue the job.
/// Storing before acknowledging means a crash at any later moment leaves a request the restarted bot finishes or
/// ends with an explanation, never a "thinking…" message nobody remembers. If the balance changed in between and the
/// hold fails, the public "thinking…" message is removed and the reason is told privately. Input images are made ready
/// between the acknowledgement and the hold (downloaded and kept, or given fresh links), so an input that is gone is
/// explained before anything is held.
/// </summary>
public sealed class GenerationStarter
{
    // Well inside Discord's 3 seconds, leaving time to answer "restarting" if recovery is still running.
    private static readonly TimeSpan ReadinessWait = TimeSpan.FromSeconds(1.5);

    private readonly GenerationService _generations;
    private readonly ServerBudgetNotices _budgetNotices;
    private readonly TimeProvider _time;

    public GenerationStarter(GenerationService generations, ServerBudgetNotices budgetNotices, TimeProvider time)
    {
        _generations = generations;
        _budgetNotices = budgetNotices;
        _time = time;
    }

    /// <summary>
    /// Answers the interaction in every case; returns the generation when one was started. <paramref name="prepareInputs"/>
    /// makes the request's input images ready (its links replace the request's); null when there are none.
    /// </summary>
    public async Task<GenerationRecord?> StartAsync(
        InteractionContext context,
        GenerationOrigin origin,
        GenerationValidationResult validation,
        IReadOnlyList<string> inputProblems,
        string? parentId = null,
        Func<CancellationToken, Task<PreparedInputs>>? prepareInputs = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(validation);
        var problems = inputProblems.Concat(validation.Errors).Distinct(StringComparer.Ordinal).ToList();
        if (problems.Count > 0 || validation.Request is null)
        {
            await context.ReplyPrivatelyAsync(
                BotText.Get(context.Culture, "FixTheseFirst") + "\n" + string.Join('\n', problems.Select(p => "• " + p))
                + "\n\n" + BotText.Get(context.Culture, "NotCharged")).ConfigureAwait(false);
            return null;
        }

        // Right after a start, wait the few milliseconds the reconciliation of holds takes rather than refuse.
        await _generations.WaitUntilReadyAsync(ReadinessWait, context.CancellationToken).ConfigureAwait(false);
        var member = context.CreditMember;
        if (_generations.Precheck(member, validation.Request) is { } refusal)
        {
            await RefuseAsync(context, refusal).ConfigureAwait(false);
            return null;
        }

        // Durable before acknowledged: who, what and which interaction token, in one (group-committed) write.
        var intent = _generations.Record(new StartGenerationCommand(
            origin,
            member,
            validation.Request,
            DeliveryTargets.From(context.Interaction),
            parentId));
        try
        {
            // Continues from the safety net's deferral if a slow disk let it answer first.
            await context.DeferAsync(privately: false).ConfigureAwait(false);
        }
        catch (DiscordHttpException exception) when (exception.IsUnknownInteraction)
        {
            // Discord gave up on the interaction (the member saw "did not respond"): nothing to run, nothing held.
            _generations.Forget(intent);
            throw;
        }

        if (context.State == AcknowledgementState.DeferredUpdate)
        {
            // The original response is the button's own message, which must not turn into a progress bar.
            intent.Target.InteractionToken = "";
        }

        FailPoints.Reach(FailPointNames.AfterAck);
        if (prepareInputs is not null && !await PrepareInputsAsync(context, intent, prepareInputs).ConfigureAwait(false))
        {
            return null;
        }

        StartGenerationResult started;
        try
        {
            started = _generations.Start(intent);
        }
        catch
        {
            // Storage failed: the member gets the pipeline's apology, and nothing is left to end at the next start.
            _generations.Forget(intent);
            throw;
        }

        if (!started.Started)
        {
            await RefuseAsync(context, started.Refusal).ConfigureAwait(false);
            return null;
        }

        return started.Generation;
    }

    /// <summary>
    /// Downloads and keeps new inputs, or gets fresh links for reused ones, and puts those links on the request (the
    /// hold saves them with it). When an input cannot be used, the member hears which and the request is forgotten.
    /// </summary>
    private async Task<bool> PrepareInputsAsync(
        InteractionContext context, GenerationRecord intent, Func<CancellationToken, Task<PreparedInputs>> prepareInputs)
    {
        PreparedInputs inputs;
        try
        {
            inputs = await prepareInputs(context.CancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _generations.Forget(intent);
            throw;
        }

        if (!inputs.Ready)
        {
            _generations.Forget(intent);
            await context.ReplyPrivatelyAsync(
                BotText.Get(context.Culture, "FixTheseFirst") + "\n" + string.Join('\n', inputs.Problems.Select(p => "• " + p))
                + "\n\n" + BotText.Get(context.Culture, "NotCharged")).ConfigureAwait(false);
            return false;
        }

        intent.InputImageUrls = [.. inputs.Urls];
        intent.Inputs = [.. inputs.Inputs.Select(input => input.Copy())];
        return true;
    }

    private async Task RefuseAsync(InteractionContext context, StartRefusal refusal)
    {
        await context.ReplyPrivatelyAsync(RefusalText.Explain(refusal, _time.GetUtcNow(), context.Culture)).ConfigureAwait(false);
        if (refusal is { Kind: StartRefusalKind.ServerBudgetExhausted, Pool: { } pool })
        {
            // After the member's answer: the moderators hear once per period, in the server's language.
            await _budgetNotices.PoolUsedUpAsync(pool, BotCultures.For(context.Interaction.GuildLocale), context.CancellationToken)
                .ConfigureAwait(false);
        }
    }
}
