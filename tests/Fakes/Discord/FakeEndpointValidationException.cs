namespace SeedreamBot.Fakes.Discord;

/// <summary>The developer portal refused to save an Interactions Endpoint URL: the endpoint failed Discord's checks.</summary>
public sealed class FakeEndpointValidationException : Exception
{
    public FakeEndpointValidationException()
    {
    }

    public FakeEndpointValidationException(string message)
        : base(message)
    {
    }

    public FakeEndpointValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
