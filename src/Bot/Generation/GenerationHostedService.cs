using Microsoft.Extensions.Hosting;
using SeedreamBot.Core.Jobs;

namespace SeedreamBot.Bot.Generation;

/// <summary>
/// Reconciles holds and generations at start, then runs the queue. When the host stops, new requests get a
/// friendly "restarting" answer and running jobs stop where they are, to be resumed after the restart.
/// </summary>
public sealed class GenerationHostedService : BackgroundService
{
    private readonly GenerationRecovery _recovery;
    private readonly GenerationScheduler _scheduler;
    private readonly GenerationService _generations;
    private readonly IHostApplicationLifetime _lifetime;

    public GenerationHostedService(
        GenerationRecovery recovery,
        GenerationScheduler scheduler,
        GenerationService generations,
        IHostApplicationLifetime lifetime)
    {
        _recovery = recovery;
        _scheduler = scheduler;
        _generations = generations;
        _lifetime = lifetime;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = _lifetime.ApplicationStopping.Register(_generations.StopAccepting);
        await Task.Yield();
        _recovery.Recover();
        await _scheduler.RunAsync(stoppingToken).ConfigureAwait(false);
    }
}
