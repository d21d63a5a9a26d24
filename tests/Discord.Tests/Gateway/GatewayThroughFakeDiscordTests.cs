using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeedreamBot.Discord.Gateway;
using SeedreamBot.Fakes.Discord;
using SeedreamBot.Fakes.Discord.Gateway;

namespace SeedreamBot.Discord.Tests.Gateway;

/// <summary>
/// The whole Discord connection as the bot wires it: REST (<c>GET /gateway/bot</c>) and gateway registered by their
/// DI extensions, against FakeDiscordServer with the FakeGateway mounted in it.
/// </summary>
public sealed class GatewayThroughFakeDiscordTests
{
    [Fact]
    public async Task Slash_commands_reach_the_subscriber_and_one_dispatched_during_a_drop_arrives_after_the_resume()
    {
        var gatewayFake = new FakeGateway(new FakeGatewayOptions
        {
            Token = FakeDiscordOptions.DefaultToken,
            HeartbeatInterval = GatewayHarness.QuietHeartbeat,
            IdentifyWindow = TimeSpan.FromMilliseconds(40),
        });
        await using var discord = new FakeDiscordServer(gatewayFake);
        await discord.StartAsync();
        gatewayFake.PublicUrl = new Uri(discord.GatewayUrl);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = discord.Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
        });
        builder.Services.AddSingleton(GatewayHarness.FastTimings);
        builder.Services.AddDiscordRest(builder.Configuration).AddDiscordGateway(builder.Configuration);
        using var host = builder.Build();
        var gateway = host.Services.GetRequiredService<DiscordGateway>();
        await using var events = new DispatchRecorder(gateway.Subscribe());

        await host.StartAsync();
        await gateway.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        var first = await discord.SlashCommand("imagine").WithString("prompt", "a lighthouse").DispatchAsync();
        await events.WaitForAsync(d => IsInteraction(d, first.Id));
        await gatewayFake.DropAsync();
        var duringDrop = await discord.SlashCommand("imagine").WithString("prompt", "a harbour").DispatchAsync();
        await events.WaitForEventAsync(GatewayEventNames.Resumed);
        await events.WaitForAsync(d => IsInteraction(d, duringDrop.Id));
        await host.StopAsync();

        Assert.Contains(discord.Calls, call => call.Method == "GET" && call.Path.EndsWith("/gateway/bot", StringComparison.Ordinal));
        Assert.Single(events.Received, d => IsInteraction(d, duringDrop.Id));
        var identify = Assert.Single(gatewayFake.IdentifyPayloads);
        Assert.Equal(discord.Token, identify["token"]!.GetValue<string>());
        Assert.Equal(0, identify["intents"]!.GetValue<int>());
        Assert.Equal(1, gatewayFake.GetShardStats().Resumes);
    }

    private static bool IsInteraction(GatewayDispatch dispatch, ulong id) =>
        dispatch.EventName == GatewayEventNames.InteractionCreate && dispatch.Data.GetProperty("id").GetString() == id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
