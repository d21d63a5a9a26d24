using System.Globalization;

namespace SeedreamBot.Bench.LoadDriver;

/// <summary>What the load driver runs and with which sizes. <see cref="Full"/> is the published run; <see cref="QuickRun"/> a smoke run.</summary>
internal sealed record LoadDriverOptions
{
    /// <summary>The bot to run as a child process; by default the <c>SeedreamBot.dll</c> built beside the driver.</summary>
    public string BotDll { get; init; } = Path.Combine(AppContext.BaseDirectory, "SeedreamBot.dll");

    /// <summary>Where the markdown fragments and the bot's logs go; nothing is written when null.</summary>
    public string? OutputDirectory { get; init; }

    public bool Quick { get; init; }

    public bool RunIdle { get; init; } = true;

    public bool RunAck { get; init; } = true;

    public bool RunGenerations { get; init; } = true;

    public bool RunLarge { get; init; } = true;

    public bool RunWebhooks { get; init; } = true;

    /// <summary>How long the connected bot sits idle before its working set is read.</summary>
    public TimeSpan IdleTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Simultaneous <c>/imagine</c> bursts, one fresh bot each.</summary>
    public IReadOnlyList<int> AckBurstSizes { get; init; } = [50, 200, 1000];

    /// <summary>Interactions answered before a burst so that the measured ones do not pay for JIT compilation.</summary>
    public int WarmupInteractions { get; init; } = 50;

    /// <summary>Generations finished before measuring, so JIT and first connections are not counted.</summary>
    public int WarmupGenerations { get; init; } = 2;

    /// <summary>Complete generations measured for CPU, REST calls, polls and progress edits.</summary>
    public int Generations { get; init; } = 60;

    /// <summary>How long the fake Apiframe takes per job (Seedream 5 Lite averages about 12 s).</summary>
    public TimeSpan JobDuration { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>The result size in the generation scenario: a typical 2K PNG.</summary>
    public int GenerationImageBytes { get; init; } = 4_000_000;

    /// <summary>
    /// Generations per mode in the webhook scenario (polling only, then webhooks), started one after another over one
    /// job time so that they finish spread out, as in steady use, rather than all in the same instant.
    /// </summary>
    public int WebhookGenerations { get; init; } = 40;

    /// <summary>Large-result generations started at once.</summary>
    public int LargeResults { get; init; } = 100;

    /// <summary>A 3K PNG of about 10 MB, still under Discord's default 10 MiB upload limit.</summary>
    public int LargeImageBytes { get; init; } = 10_000_000;

    /// <summary><c>Apiframe:MaxConcurrentJobs</c>: 100, so the large-result scenario has 100 images in flight at a time.</summary>
    public int MaxConcurrentJobs { get; init; } = 100;

    /// <summary><c>Credits:DefaultAllowance</c>: every member can afford every generation asked of them.</summary>
    public int DefaultAllowance { get; init; } = 1000;

    /// <summary>Extra bot configuration (<c>--set Key=Value</c>), e.g. to compare a setting or turn on debug logs.</summary>
    public IReadOnlyDictionary<string, string> BotSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>A safety net for every wait, not an expectation.</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// How long after its dispatch the fake Discord accepts an interaction's first answer: Discord's 3 s. Smoke tests
    /// widen it so that a busy machine cannot turn an answer into a miss; what they check is the counting.
    /// </summary>
    public TimeSpan AckWindow { get; init; } = TimeSpan.FromSeconds(3);

    public static LoadDriverOptions Full { get; } = new();

    public static LoadDriverOptions QuickRun { get; } = new()
    {
        Quick = true,
        IdleTime = TimeSpan.FromSeconds(2),
        AckBurstSizes = [10, 50],
        WarmupInteractions = 10,
        Generations = 4,
        WebhookGenerations = 6,
        JobDuration = TimeSpan.FromSeconds(3),
        GenerationImageBytes = 500_000,
        LargeResults = 6,
        LargeImageBytes = 2_000_000,
    };

    public const string Usage = """
        SeedreamBot load driver: the real bot as a child process against fake Discord and fake Apiframe on loopback.

        Options:
          --quick                  small sizes for a smoke run (about a minute)
          --out <dir>              write load-targets.md, load-details.md and the bot's logs there
          --bot <SeedreamBot.dll>  the bot to run (default: the one built beside the driver)
          --only <list>            idle,ack,generations,webhooks,large (default: all)
          --ack <n,n,...>          burst sizes (default 50,200,1000)
          --generations <m>        measured complete generations (default 60)
          --job-seconds <s>        fake Apiframe job time (default 12)
          --webhooks <w>           generations per mode in the webhook scenario (default 40)
          --large <k>              large results started at once (default 100)
          --large-bytes <bytes>    size of a large result (default 10000000)
          --idle-seconds <s>       idle time before the working set is read (default 10)
          --warmup <n>             interactions answered before each burst (default 50)
          --set <Key=Value>        extra bot configuration, repeatable (e.g. --set Logging:LogLevel:Default=Debug)
        """;

    /// <summary>Reads the command line; throws <see cref="ArgumentException"/> with a readable message on a mistake.</summary>
    public static LoadDriverOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = args.Contains("--quick") ? QuickRun : Full;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--quick")
            {
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            options = name switch
            {
                "--out" => options with { OutputDirectory = value },
                "--bot" => options with { BotDll = value },
                "--only" => Only(options, value),
                "--ack" => options with { AckBurstSizes = value.Split(',').Select(v => Positive(name, v)).ToArray() },
                "--generations" => options with { Generations = Positive(name, value) },
                "--job-seconds" => options with { JobDuration = TimeSpan.FromSeconds(Positive(name, value)) },
                "--webhooks" => options with { WebhookGenerations = Positive(name, value) },
                "--large" => options with { LargeResults = Positive(name, value) },
                "--large-bytes" => options with { LargeImageBytes = Positive(name, value) },
                "--idle-seconds" => options with { IdleTime = TimeSpan.FromSeconds(Positive(name, value)) },
                "--warmup" => options with { WarmupInteractions = Positive(name, value) },
                "--set" => WithSetting(options, value),
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options;
    }

    private static LoadDriverOptions Only(LoadDriverOptions options, string list)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Except(["idle", "ack", "generations", "webhooks", "large"], StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"--only knows idle, ack, generations, webhooks and large, not {string.Join(", ", unknown)}.");
        }

        return options with
        {
            RunIdle = names.Contains("idle", StringComparer.OrdinalIgnoreCase),
            RunAck = names.Contains("ack", StringComparer.OrdinalIgnoreCase),
            RunGenerations = names.Contains("generations", StringComparer.OrdinalIgnoreCase),
            RunLarge = names.Contains("large", StringComparer.OrdinalIgnoreCase),
            RunWebhooks = names.Contains("webhooks", StringComparer.OrdinalIgnoreCase),
        };
    }

    private static LoadDriverOptions WithSetting(LoadDriverOptions options, string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--set takes Key=Value (e.g. Generation:ProgressUpdateInterval=00:00:03), not '{assignment}'.");
        }

        var settings = new Dictionary<string, string>(options.BotSettings, StringComparer.OrdinalIgnoreCase)
        {
            [assignment[..equals].Trim()] = assignment[(equals + 1)..].Trim(),
        };
        return options with { BotSettings = settings };
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'.");
}
