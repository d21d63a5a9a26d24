using SeedreamBot.Bench.LoadDriver;

namespace SeedreamBot.Bench.Tests.LoadDriver;

public sealed class LoadDriverOptionsTests
{
    [Fact]
    public void Without_arguments_the_full_run_of_the_issue_is_chosen()
    {
        var options = LoadDriverOptions.Parse([]);

        Assert.Equal([50, 200, 1000], options.AckBurstSizes);
        Assert.Equal(TimeSpan.FromSeconds(12), options.JobDuration);
        Assert.Equal(TimeSpan.FromSeconds(10), options.IdleTime);
        Assert.Equal(10_000_000, options.LargeImageBytes);
        Assert.False(options.Quick);
        Assert.True(options.RunIdle && options.RunAck && options.RunGenerations && options.RunWebhooks && options.RunLarge);
        Assert.Equal(40, options.WebhookGenerations);
    }

    [Fact]
    public void Quick_shrinks_the_sizes_and_later_options_still_apply()
    {
        var options = LoadDriverOptions.Parse(["--ack", "7,9", "--quick", "--only", "ack,large", "--set", "Generation:ProgressUpdateInterval=00:00:03"]);

        Assert.True(options.Quick);
        Assert.Equal([7, 9], options.AckBurstSizes);
        Assert.True(options.RunAck && options.RunLarge);
        Assert.False(options.RunIdle || options.RunGenerations || options.RunWebhooks);
        Assert.Equal("00:00:03", options.BotSettings["Generation:ProgressUpdateInterval"]);
    }

    [Fact]
    public void The_webhook_scenario_can_run_alone_with_its_own_size()
    {
        var options = LoadDriverOptions.Parse(["--only", "webhooks", "--webhooks", "12"]);

        Assert.True(options.RunWebhooks);
        Assert.False(options.RunIdle || options.RunAck || options.RunGenerations || options.RunLarge);
        Assert.Equal(12, options.WebhookGenerations);
    }

    [Theory]
    [InlineData("--webhooks", "0")]
    [InlineData("--ack", "0")]
    [InlineData("--generations", "many")]
    [InlineData("--only", "idle,everything")]
    [InlineData("--set", "no-equals-sign")]
    [InlineData("--frobnicate", "1")]
    public void Mistakes_are_explained(string name, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => LoadDriverOptions.Parse([name, value]));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_without_its_value_is_explained()
    {
        var error = Assert.Throws<ArgumentException>(() => LoadDriverOptions.Parse(["--out"]));

        Assert.Contains("--out needs a value", error.Message, StringComparison.Ordinal);
    }
}
