using System.Text;
using SeedreamBot.Bot.Generation;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Bench.Micro.Credits;
using SeedreamBot.Bench.Micro.Interactions;
using SeedreamBot.Bench.Micro.Rendering;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bench.Tests.Micro;

/// <summary>Every benchmark does the work it claims to measure (run once, outside BenchmarkDotNet).</summary>
public sealed class MicroBenchmarkSmokeTests
{
    [Fact]
    public async Task The_dispatch_benchmark_parses_the_frame_and_the_bot_answers_it()
    {
        var benchmark = new InteractionDispatchBenchmarks();
        benchmark.Setup();
        try
        {
            var interaction = benchmark.Parse();
            Assert.Equal("imagine", interaction.CommandName);
            Assert.Equal(InteractionPayloads.MemberId, interaction.InvokingUser.Id);

            await benchmark.ParseAndDispatch();
            await benchmark.ParseAndDispatch();
            await benchmark.ParseAndDispatchFirstTimeMember();
            await benchmark.ParseAndDispatchFirstTimeMember();

            // One private answer per dispatch: the refusal for lack of credits (not an apology for an error).
            Assert.Equal(4, benchmark.Rest.Calls);
            var answer = benchmark.Rest.LastResponse;
            Assert.NotNull(answer?.Data);
            Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, answer.Type);
            Assert.Equal(MessageFlags.Ephemeral, answer.Data.Flags & MessageFlags.Ephemeral);
            Assert.Contains(GenerationMessages.Credits(4, BotCultures.English), answer.Data.Content, StringComparison.Ordinal);
        }
        finally
        {
            benchmark.Cleanup();
        }
    }

    [Fact]
    public void The_rendering_benchmarks_produce_the_messages_Discord_receives()
    {
        var benchmark = new EmbedRenderingBenchmarks();
        benchmark.Setup();

        var progress = Encoding.UTF8.GetString(benchmark.Progress());
        var result = Encoding.UTF8.GetString(benchmark.Result());

        Assert.Contains("a lighthouse on a cliff", progress, StringComparison.Ordinal);
        Assert.Contains("attachment://seedream-", result, StringComparison.Ordinal);
        Assert.Contains("\"components\"", result, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ledger_benchmarks_hold_and_settle_durably()
    {
        var single = new LedgerBenchmarks();
        single.Setup();
        try
        {
            var balance = single.HoldAndSettle();
            Assert.NotNull(balance);
            Assert.Equal(0, balance.Held);
            Assert.Equal(1, balance.SpentThisPeriod);
        }
        finally
        {
            single.Cleanup();
        }

        var concurrent = new ConcurrentLedgerBenchmarks { Callers = 64 };
        concurrent.Setup();
        try
        {
            concurrent.HoldAndSettleConcurrently();
            concurrent.HoldAndSettleConcurrently();
            Assert.Equal(2 * ConcurrentLedgerBenchmarks.PairsPerRound, concurrent.Pairs);
        }
        finally
        {
            concurrent.Cleanup();
        }
    }
}
