namespace SeedreamBot.Fakes.Shared;

/// <summary>
/// Thrown when a fake is disposed after it received requests that break the service's contract (its OpenAPI document
/// or its documented limits): the test that made the bot send them fails, with every violation in the message.
/// </summary>
public sealed class FakeContractViolationException : Exception
{
    public FakeContractViolationException()
    {
    }

    public FakeContractViolationException(string message)
        : base(message)
    {
    }

    public FakeContractViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static FakeContractViolationException For(string service, IReadOnlyList<string> violations) => new(
        $"{service} received {violations.Count} request(s) that break its contract (the real service would refuse " +
        "them). If a test sends them on purpose, it takes them with TakeContractViolationsAsync() and asserts on them. " +
        "(A fake disposed by 'await using' hides any earlier failure of the same test behind this one.)\n"
        + string.Join('\n', violations));
}
