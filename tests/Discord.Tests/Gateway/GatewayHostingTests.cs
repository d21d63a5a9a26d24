using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NSubstitute;
using SeedreamBot.Discord.Gateway;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>Configuration, DI registration, the hosted service and metrics.</summary>
public sealed class GatewayHostingTests
{
    [Fact]
    public void Configuration_keys_bind_from_the_Discord_section()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "abc",
            ["Discord:ShardIds:0"] = "2",
            ["Discord:ShardIds:1"] = "3",
            ["Discord:EventQueueCapacity"] = "500",
            ["Discord:ReconnectDelay"] = "00:00:02",
            ["Discord:MaxReconnectDelay"] = "00:00:30",
            ["Discord:StopHostOnFatalError"] = "false",
        });

        var options = services.GetRequiredService<IOptions<DiscordGatewayOptions>>().Value;

        Assert.Equal([2, 3], options.ShardIds!);
        Assert.Equal(500, options.EventQueueCapacity);
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30)), (options.ReconnectDelay, options.MaxReconnectDelay));
        Assert.False(options.StopHostOnFatalError);
    }

    [Fact]
    public void Defaults_suit_a_slash_command_bot()
    {
        using var services = Services(new Dictionary<string, string?> { ["Discord:Token"] = "abc" });

        var options = services.GetRequiredService<IOptions<DiscordGatewayOptions>>().Value;

        Assert.Null(options.ShardIds);
        Assert.Equal((10_000, true), (options.EventQueueCapacity, options.StopHostOnFatalError));
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)), (options.ReconnectDelay, options.MaxReconnectDelay));
    }

    [Fact]
    public async Task A_host_without_a_token_refuses_to_start_and_says_where_to_put_it()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDiscordRest(builder.Configuration).AddDiscordGateway(builder.Configuration);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains("Discord:Token is not set", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Discord:ShardIds:0", "-1", "negative")]
    [InlineData("Discord:ShardIds:1", "0", "more than once")]
    [InlineData("Discord:EventQueueCapacity", "3", "Discord:EventQueueCapacity must be between 16")]
    [InlineData("Discord:ReconnectDelay", "00:02:00", "Discord:MaxReconnectDelay must not be shorter")]
    [InlineData("Discord:MaxReconnectDelay", "02:00:00", "Discord:MaxReconnectDelay must be a time span between")]
    public void Invalid_gateway_settings_fail_validation_with_the_key_name(string key, string value, string expected)
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "abc",
            ["Discord:ShardIds:0"] = "0",
            [key] = value,
        });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DiscordGatewayOptions>>().Value);

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_twice_still_runs_one_gateway()
    {
        var configuration = Configuration(new Dictionary<string, string?> { ["Discord:Token"] = "abc" });
        var collection = new ServiceCollection().AddLogging();
        collection.AddSingleton(Substitute.For<IHostApplicationLifetime>());
        collection.AddDiscordRest(configuration).AddDiscordGateway(configuration).AddDiscordGateway(configuration);
        using var services = collection.BuildServiceProvider();

        var hosted = Assert.Single(services.GetServices<IHostedService>());
        Assert.IsType<DiscordGatewayService>(hosted);
        Assert.Same(services.GetRequiredService<DiscordGateway>(), services.GetRequiredService<DiscordGateway>());
    }

    [Fact]
    public async Task In_a_host_the_gateway_connects_and_shutdown_closes_with_1000()
    {
        await using var fake = await FakeGatewayHost.StartAsync(new() { Token = GatewayHarness.Token, HeartbeatInterval = GatewayHarness.QuietHeartbeat });
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Token"] = GatewayHarness.Token });
        builder.Services.AddSingleton(GatewayHarness.FastTimings);
        builder.Services.AddDiscordRest(builder.Configuration).AddDiscordGateway(builder.Configuration);
        builder.Services.AddSingleton<IGatewayInfoSource>(fake.InfoSource); // After AddDiscordRest: the fake answers /gateway/bot.
        using var host = builder.Build();

        await host.StartAsync();
        var gateway = host.Services.GetRequiredService<DiscordGateway>();
        await gateway.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        await host.StopAsync();

        await fake.Gateway.WaitUntilAsync(() => !fake.Gateway.Connections[0].Open, "the connection closing");
        Assert.Equal(1000, fake.Gateway.Connections[0].ClientCloseCode);
        Assert.Equal(GatewayConnectionState.Stopped, gateway.GetStatus().Shards[0].State);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_fatal_close_stops_the_host_with_exit_code_1_unless_configured_not_to(bool stopHost)
    {
        await using var harness = await GatewayHarness.StartAsync(
            fake => fake.Token = "not-the-bot-token",
            client: options => options.StopHostOnFatalError = stopHost,
            start: false);
        var lifetime = Substitute.For<IHostApplicationLifetime>();
        var exitCodes = new List<int>();
        using var service = new DiscordGatewayService(
            harness.Gateway, lifetime, Options.Create(harness.Options), harness.Logs.CreateFactory().CreateLogger<DiscordGatewayService>(), exitCodes.Add);

        await service.StartAsync(CancellationToken.None);
        await harness.Gateway.Faulted.WaitAsync(TimeSpan.FromSeconds(15));
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(15));

        if (stopHost)
        {
            Assert.Equal([1], exitCodes);
            lifetime.Received(1).StopApplication();
        }
        else
        {
            Assert.Empty(exitCodes);
            lifetime.DidNotReceive().StopApplication();
        }

        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Metrics_count_identifies_reconnects_resumes_and_latency_on_the_gateway_meter()
    {
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = meters.GetRequiredService<IMeterFactory>();
        var measurements = new List<(string Name, double Value, string? Kind)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == "SeedreamBot.Discord.Gateway")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();

        // Heartbeats on request only: a short interval could turn a busy moment into a false zombie and a reconnect.
        await using var harness = await GatewayHarness.StartAsync(meterFactory: factory);
        await harness.Events.WaitForEventAsync(GatewayEventNames.Ready);
        await harness.Fake.RequestHeartbeatAsync();
        await harness.WaitForStatusAsync(s => s.Latency is not null, "a heartbeat ACK processed");
        await harness.Fake.SendReconnectAsync();
        await harness.Events.WaitForEventAsync(GatewayEventNames.Resumed);
        listener.RecordObservableInstruments();

        var status = harness.Gateway.GetStatus();
        var received = harness.Events.Received.Count;
        lock (measurements)
        {
            // Sums, not "some measurement equals 1": each counter must add up to what really happened, once.
            double Sum(string name, string? kind = null) =>
                measurements.Where(m => m.Name == name && (kind is null || m.Kind == kind)).Sum(m => m.Value);

            Assert.Equal(1, Sum("discord.gateway.identifies"));
            Assert.Equal(1, Sum("discord.gateway.reconnects"));
            Assert.Equal(1, Sum("discord.gateway.reconnects", "resume"));
            Assert.Equal(1, Sum("discord.gateway.resumes"));
            Assert.Equal(received, Sum("discord.gateway.events"));

            // Heartbeat round trips, recorded as the status reports them, each a real (non-zero) duration.
            var latencies = measurements.Where(m => m.Name == "discord.gateway.latency").Select(m => m.Value).ToList();
            Assert.NotEmpty(latencies);
            Assert.All(latencies, value => Assert.True(value > 0, $"latency {value} ms"));
            Assert.Contains(status.Latency!.Value.TotalMilliseconds, latencies);
            Assert.Equal(1, measurements.Last(m => m.Name == "discord.gateway.connected_shards").Value);
        }

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? kind = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "discord.gateway.reconnect.kind")
                {
                    kind = tag.Value as string;
                }
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, value, kind));
            }
        }
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static ServiceProvider Services(Dictionary<string, string?> values)
    {
        var configuration = Configuration(values);
        var collection = new ServiceCollection().AddLogging();
        collection.AddDiscordRest(configuration).AddDiscordGateway(configuration);
        return collection.BuildServiceProvider();
    }
}
