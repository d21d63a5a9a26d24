using System.Collections.Concurrent;
using SeedreamBot.Core.Jobs;

namespace SeedreamBot.Bot.Tests.Operations;

/// <summary>Keeps every operator alert raised, in order.</summary>
internal sealed class RecordingAlerts : IOperatorAlerts
{
    private readonly ConcurrentQueue<OperatorAlert> _alerts = new();

    public IReadOnlyList<OperatorAlert> All => [.. _alerts];

    public void Raise(OperatorAlert alert) => _alerts.Enqueue(alert);
}
