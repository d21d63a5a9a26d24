namespace SeedreamBot.Discord.Tests.TestHost;

/// <summary>Polls a condition with a generous safety-net timeout (never an expectation about speed).</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true within the safety-net timeout.");
            }

            await Task.Delay(10);
        }
    }
}
