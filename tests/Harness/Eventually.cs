namespace SeedreamBot.Harness;

/// <summary>Waits for something the bot does asynchronously (a settle after a delivery, a record update).</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<T> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = probe();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}; last value: {value}");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    public static Task Until(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        Until(condition, ok => ok, what, timeout);
}
