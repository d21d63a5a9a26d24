namespace SeedreamBot.Core.Reliability;

/// <summary>
/// Named moments in a generation's life (<see cref="FailPointNames"/>) where a crash test can stop the process, to
/// prove by killing a real process that every moment ends right. Inert unless <see cref="Arm"/> was called, which
/// only the bot's entry point does, and only in the <c>Testing</c> environment: in production <see cref="Reach"/> is
/// one read of a null field.
/// </summary>
public static class FailPoints
{
    private static Armed? _armed;

    /// <summary>True while a fail point is armed (never in production).</summary>
    public static bool IsArmed => Volatile.Read(ref _armed) is not null;

    /// <summary>Makes <paramref name="onReached"/> run, once, when the code reaches the fail point <paramref name="name"/>.</summary>
    public static void Arm(string name, Action<string> onReached)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(onReached);
        if (!FailPointNames.All.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"'{name}' is not a fail point; the fail points are {string.Join(", ", FailPointNames.All)}.", nameof(name));
        }

        Volatile.Write(ref _armed, new Armed(name, onReached));
    }

    public static void Disarm() => Volatile.Write(ref _armed, null);

    /// <summary>Marks that the code is at <paramref name="name"/>; stops the process there when that point is armed.</summary>
    public static void Reach(string name)
    {
        var armed = Volatile.Read(ref _armed);
        if (armed is null || !string.Equals(armed.Name, name, StringComparison.Ordinal)
            || Interlocked.Exchange(ref armed.Reached, 1) == 1)
        {
            return;
        }

        armed.OnReached(name);
    }

    private sealed class Armed(string name, Action<string> onReached)
    {
        public int Reached;

        public string Name { get; } = name;

        public Action<string> OnReached { get; } = onReached;
    }
}
