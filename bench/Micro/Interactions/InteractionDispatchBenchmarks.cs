using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeedreamBot.Bot.Hosting;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Discord.Json;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bench.Micro.Interactions;

/// <summary>
/// An INTERACTION_CREATE frame read the way the gateway reads it, then handed to the real
/// <see cref="InteractionProcessor"/> composed by the bot's own DI registration (REST replaced by a null client).
/// The member has no credits, so <c>/imagine</c> is refused privately: the same work as the path up to the
/// acknowledgement (parse, route, validate, read the balance, one REST call) without a generation piling up per call.
/// A returning member's balance is a read; a first-time member's is created there, a durable (fsynced) write.
/// </summary>
[MemoryDiagnoser]
public class InteractionDispatchBenchmarks
{
    private byte[] _frame = null!;
    private string _folder = null!;
    private IHost _host = null!;
    private InteractionProcessor _processor = null!;
    private ulong _nextNewMember = InteractionPayloads.MemberId + 1;

    /// <summary>The REST client the pipeline answered through.</summary>
    internal NullDiscordRest Rest { get; } = new();

    [GlobalSetup]
    public void Setup()
    {
        _frame = InteractionPayloads.ImagineFrame();
        _folder = Path.Combine(Path.GetTempPath(), "seedreambot-bench-dispatch-" + Guid.NewGuid().ToString("N"));
        var builder = BotHost.CreateBuilder([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Discord:Token"] = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GbEnCh.benchmark-token-not-a-real-one_0123456789",
                ["Apiframe:ApiKey"] = "afk_benchmark_not_a_real_key",
                ["Storage:DatabasePath"] = Path.Combine(_folder, "bot.db"),
                ["Credits:DefaultAllowance"] = "0",
                ["Operator:AllowedServerIds:0"] = InteractionPayloads.GuildId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Health:Enabled"] = "false",
            });
            builder.Logging.ClearProviders();
        });
        builder.Services.RemoveAll<IDiscordRestClient>();
        builder.Services.AddSingleton<IDiscordRestClient>(Rest);
        _host = builder.Build();
        _processor = _host.Services.GetRequiredService<InteractionProcessor>();

        // The host is never started; reconcile holds as starting it would, so requests are taken.
        _host.Services.GetRequiredService<GenerationRecovery>().Recover();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans its temp folder eventually.
        }
    }

    [Benchmark(Description = "INTERACTION_CREATE frame → Interaction")]
    public Interaction Parse() => ReadFrame(_frame);

    [Benchmark(Description = "frame → /imagine answered, returning member")]
    public Task ParseAndDispatch() =>
        _processor.ProcessAsync(ReadFrame(_frame), DateTimeOffset.UtcNow, CancellationToken.None);

    /// <summary>Includes building the frame for a new member id (a few µs, one 3 KB array).</summary>
    [Benchmark(Description = "frame → /imagine answered, first-time member")]
    public Task ParseAndDispatchFirstTimeMember() =>
        _processor.ProcessAsync(ReadFrame(InteractionPayloads.ImagineFrame(_nextNewMember++)), DateTimeOffset.UtcNow, CancellationToken.None);

    /// <summary>As the gateway does: parse the frame, keep an owned copy of <c>d</c>, read the typed interaction.</summary>
    private static Interaction ReadFrame(byte[] frame)
    {
        using var document = JsonDocument.Parse(frame);
        var data = document.RootElement.GetProperty("d").Clone();
        return DiscordJson.ReadInteraction(data);
    }
}
