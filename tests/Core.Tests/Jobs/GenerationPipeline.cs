using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Seedream;
using SeedreamBot.Core.Storage;
using SeedreamBot.Core.Tests.Storage;

namespace SeedreamBot.Core.Tests.Jobs;

/// <summary>
/// The generation pipeline as the host composes it (real ledger on a real LiteDB file), with Apiframe and the
/// presenter substituted, so Core's rules are tested without Discord.
/// </summary>
internal sealed class GenerationPipeline : IDisposable
{
    public const ulong Guild = 700;

    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;

    public GenerationPipeline(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = _folder.File("bot.db"),
                ["Apiframe:ApiKey"] = "afk_test_key",
                ["Apiframe:MaxConcurrentJobs"] = "2",
                ["Generation:ProgressUpdateInterval"] = "00:00:00.050",
                ["Generation:QueueUpdateInterval"] = "00:00:00.050",
            })
            .AddInMemoryCollection(settings ?? [])
            .Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(NullLoggerProvider.Instance));
        services.AddSingleton<TimeProvider>(Time);
        services.AddCreditLedger(configuration);
        services.AddOptions<ApiframeOptions>().Bind(configuration.GetSection(ApiframeOptions.SectionName));
        services.AddGenerationJobs(configuration);
        services.AddSingleton(Seedream);
        services.AddSingleton(Presenter);
        services.AddSingleton(PromptScreen);
        services.AddSingleton(Alerts);
        _services = services.BuildServiceProvider();

        // As the host does at start, before any request is taken.
        Get<GenerationRecovery>().Recover();
        PromptScreen.FindBannedTerm(Arg.Any<ulong>(), Arg.Any<string>()).Returns((string?)null);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.Zero));

    public ISeedreamClient Seedream { get; } = Substitute.For<ISeedreamClient>();

    public IGenerationPresenter Presenter { get; } = Substitute.For<IGenerationPresenter>();

    public IPromptScreen PromptScreen { get; } = Substitute.For<IPromptScreen>();

    public IOperatorAlerts Alerts { get; } = Substitute.For<IOperatorAlerts>();

    public GenerationService Service => Get<GenerationService>();

    public GenerationProcessor Processor => Get<GenerationProcessor>();

    public GenerationStore Store => Get<GenerationStore>();

    public ICreditLedger Ledger => Get<ICreditLedger>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static CreditMember Member(ulong user) => new(new CreditScope(Guild, user), []);

    public static GenerationRequest Request(string prompt = "a cat", ImageSize size = ImageSize.TwoK) =>
        new(prompt, size, AspectRatios.Square, OutputFormat.Png, []);

    public StartGenerationResult Start(ulong user, string prompt = "a cat") =>
        Service.Start(new StartGenerationCommand(
            GenerationOrigin.Imagine,
            Member(user),
            Request(prompt),
            new DeliveryTarget { GuildId = Guild, ChannelId = 1, InteractionToken = "token" }));

    /// <summary>Every ledger entry written so far, across all members.</summary>
    public int EntryCount() => Get<SeedreamDatabase>().Read(db => CreditCollections.EntriesIn(db).Count());

    /// <summary>Apiframe accepts, completes with one image and serves it.</summary>
    public void ApiframeSucceeds(string jobId = "job-1", int bytes = 100)
    {
        Seedream.SubmitAsync(Arg.Any<GenerationRequest>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(ApiframeResult<SubmittedJob>.Success(new SubmittedJob(jobId, JobStatus.Queued)));
        Seedream.WaitForCompletionAsync(jobId, Arg.Any<IProgress<JobProgress>?>(), Arg.Any<CancellationToken>())
            .Returns(ApiframeResult<CompletedJob>.Success(new CompletedJob(jobId, [new Uri("https://cdn.example/" + jobId + ".png")], 4)));
        Seedream.DownloadAsync(Arg.Any<Uri>(), Arg.Any<long>(), Arg.Any<CancellationToken>())
            .Returns(ApiframeResult<DownloadedImage>.Success(new DownloadedImage(SmallPng(bytes), "image/png", jobId + ".png")));
        Presenter.DeliverAsync(Arg.Any<GenerationRecord>(), Arg.Any<GenerationResult>(), Arg.Any<CancellationToken>())
            .Returns(new DeliveryReceipt(1, 2));
    }

    /// <summary>A real PNG padded to <paramref name="bytes"/> (results are checked to be images by their bytes).</summary>
    private static byte[] SmallPng(int bytes)
    {
        var png = SeedreamBot.Fakes.Apiframe.FakeImages.Png(2, 2);
        var padded = new byte[Math.Max(bytes, png.Length)];
        png.CopyTo(padded, 0);
        return padded;
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }
}
