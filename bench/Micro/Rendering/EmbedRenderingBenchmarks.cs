using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SeedreamBot.Bot.Generation;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Discord.Json;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bench.Micro.Rendering;

/// <summary>
/// The messages a generation shows: a progress edit (up to one per 2 s per job) and the result with its buttons,
/// each rendered and serialized to the JSON the REST client sends.
/// </summary>
[MemoryDiagnoser]
public class EmbedRenderingBenchmarks
{
    private readonly CultureInfo _culture = CultureInfo.GetCultureInfo("en-US");
    private GenerationRecord _generation = null!;
    private GenerationResult _result = null!;
    private JobProgress _progress;

    [GlobalSetup]
    public void Setup()
    {
        _generation = new GenerationRecord
        {
            Id = GenerationIds.New(),
            Origin = GenerationOrigin.Imagine,
            GuildId = 1100000000000000100,
            UserId = 1200000000000000042,
            Prompt = "a lighthouse on a cliff at dawn, volumetric fog, film grain, 35 mm, soft pastel palette, wide shot",
            Size = ImageSize.TwoK,
            AspectRatio = "16:9",
            Format = OutputFormat.Png,
            Cost = 4,
            State = GenerationState.Submitted,
            Target = new DeliveryTarget
            {
                ApplicationId = 1100000000000000001,
                InteractionId = 1300000000000000001,
                InteractionToken = "aW50ZXJhY3Rpb246MTMwMDAwMDAwMDAwMDAwMDAwMQ",
                ChannelId = 1100000000000000200,
                GuildId = 1100000000000000100,
                Locale = "en-US",
                RequesterName = "Ada",
                RequesterAvatarUrl = "https://cdn.discordapp.com/avatars/1200000000000000042/a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6.png",
                AttachmentSizeLimit = 10 * 1024 * 1024,
            },
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var balance = new CreditBalance(
            new CreditScope(_generation.GuildId, _generation.UserId), 32, 40, 0, 0, RefillPeriod.Daily,
            DateTimeOffset.UtcNow.AddHours(6), 8, 2, Blocked: false, BlockReason: null);
        _result = new GenerationResult(
            new Uri("https://cdn.apiframe.ai/images/job_01HZX3-1.png"),
            new DownloadedImage(new byte[16], "image/png", "seedream-job_01HZX3-1.png"),
            null,
            balance,
            TimeSpan.FromSeconds(12.4));
        _progress = new JobProgress(JobStatus.Processing, 40);
    }

    [Benchmark(Description = "progress edit: render + serialize")]
    public byte[] Progress() =>
        JsonSerializer.SerializeToUtf8Bytes(GenerationMessages.Progress(_generation, _progress, _culture), DiscordJsonContext.Default.MessageEdit);

    [Benchmark(Description = "result with buttons: render + serialize")]
    public byte[] Result()
    {
        var embed = GenerationMessages.Result(_generation, _result, _result.Image.FileName, ApiframeOptions.DefaultModel, _culture);
        var edit = new MessageEdit
        {
            Content = "",
            Embeds = [embed],
            Components = [GenerationButtons.ForResult(_generation.Id, _culture)],
            AllowedMentions = AllowedMentions.None,
        };
        return JsonSerializer.SerializeToUtf8Bytes(edit, DiscordJsonContext.Default.MessageEdit);
    }
}
