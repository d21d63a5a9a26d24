using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Tests.Jobs;

/// <summary>What start-up reconciliation writes into the ledger's audit trail for each hold it closes.</summary>
public sealed class GenerationRecoveryTests : IDisposable
{
    private readonly GenerationPipeline _pipeline = new();

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public void A_released_hold_keeps_the_generation_s_own_failure_as_its_reason()
    {
        var failed = _pipeline.Start(1).Generation!;
        failed.State = GenerationState.Failed;
        failed.FailureMessage = "Apiframe could not make this image.";
        _pipeline.Store.Save(failed);
        var silent = _pipeline.Start(2).Generation!;
        silent.State = GenerationState.Failed;
        _pipeline.Store.Save(silent);

        var summary = _pipeline.Get<GenerationRecovery>().Recover();

        Assert.Equal(2, summary.Released);
        Assert.Equal("Apiframe could not make this image.", ReleaseReason(failed.Id));
        Assert.Equal("The generation failed.", ReleaseReason(silent.Id));
    }

    private string? ReleaseReason(string generationId) =>
        _pipeline.Get<SeedreamDatabase>().Read(db => CreditCollections.EntriesIn(db).FindAll()
            .Select(CreditEntryDocuments.FromDocument)
            .Single(entry => entry.GenerationId == generationId && entry.Kind == CreditEntryKind.Release)
            .Reason);
}
