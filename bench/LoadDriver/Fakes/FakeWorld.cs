using System.Globalization;
using SeedreamBot.Fakes.Apiframe;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Fakes.Discord.Gateway;

namespace SeedreamBot.Bench.LoadDriver.Fakes;

/// <summary>
/// The fake Discord (REST, gateway, CDN) and the fake Apiframe on loopback, in this process, with the settings that
/// point a bot at them. Unlike the test harness, polling keeps Apiframe's production intervals (2 s, backing off to
/// 5 s): those are what the benchmark is about.
/// </summary>
internal sealed class FakeWorld : IAsyncDisposable
{
    public const ulong GuildId = FakeDiscordServer.DefaultGuildId;

    private FakeWorld(FakeGateway gateway, FakeDiscordServer discord, FakeApiframeServer apiframe)
    {
        Gateway = gateway;
        Discord = discord;
        Apiframe = apiframe;
    }

    public FakeGateway Gateway { get; }

    public FakeDiscordServer Discord { get; }

    public FakeApiframeServer Apiframe { get; }

    public static async Task<FakeWorld> StartAsync(TimeSpan jobDuration, int resultImageBytes, TimeSpan ackWindow, CancellationToken cancellationToken)
    {
        // The contract checks (which the tests run) stay off: they would share the bot's two cores while it is measured.
        var discordOptions = new FakeDiscordOptions { InitialResponseWindow = ackWindow, CheckContract = false };
        var gateway = new FakeGateway(new FakeGatewayOptions { Token = discordOptions.Token });
        var discord = new FakeDiscordServer(gateway, discordOptions);
        FakeApiframeServer? apiframe = null;
        try
        {
            await discord.StartAsync(cancellationToken).ConfigureAwait(false);
            apiframe = await FakeApiframeServer.StartAsync(
                new FakeApiframeOptions
                {
                    JobDuration = jobDuration,
                    ResultImageBytes = resultImageBytes,

                    // Enough for every job of every scenario: the team balance is not what is measured.
                    TeamCredits = 100_000_000,
                    CheckContract = false,
                },
                cancellationToken).ConfigureAwait(false);
            return new FakeWorld(gateway, discord, apiframe);
        }
        catch
        {
            if (apiframe is not null)
            {
                await apiframe.DisposeAsync().ConfigureAwait(false);
            }

            await discord.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The bot's configuration: the fakes' addresses and secrets, a database path, and the scenario's extras.</summary>
    public Dictionary<string, string> BotSettings(string databasePath, IReadOnlyDictionary<string, string> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Discord:Token"] = Discord.Token,
            ["Discord:ApiBaseUrl"] = Discord.ApiBaseUrl,
            ["Discord:GuildIds:0"] = GuildId.ToString(CultureInfo.InvariantCulture),

            // A benchmark measures the bot, not the operator's budget: the server's pool never runs dry.
            ["Operator:DefaultServerBudget"] = "100000000",
            ["Storage:DatabasePath"] = databasePath,
            ["Apiframe:ApiKey"] = Apiframe.ApiKey,
            ["Apiframe:BaseUrl"] = Apiframe.BaseUrl.AbsoluteUri,

            // The fakes are on loopback over http: results and input images are allowed from them by naming their origins.
            ["Apiframe:ResultHosts:0"] = Apiframe.BaseUrl.GetLeftPart(UriPartial.Authority),
            ["Generation:InputImageHosts:0"] = Discord.BaseUrl,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Waits until the bot has identified on the gateway and registered its commands.</summary>
    public async Task WaitForBotReadyAsync(Func<bool> botAlive, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(botAlive);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!botAlive())
            {
                return;
            }

            if (Gateway.GetShardStats().Identifies > 0 && Discord.Calls.Any(IsCommandRegistration))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"The bot did not connect and register its commands within {timeout.TotalSeconds:0} s.");
    }

    public async ValueTask DisposeAsync()
    {
        await Discord.DisposeAsync().ConfigureAwait(false);
        await Apiframe.DisposeAsync().ConfigureAwait(false);
    }

    private static bool IsCommandRegistration(FakeDiscordCall call) =>
        call.Method == "PUT" && call.Path.Contains("/commands", StringComparison.Ordinal) && call.StatusCode == 200;
}
