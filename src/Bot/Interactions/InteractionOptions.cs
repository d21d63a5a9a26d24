using System.ComponentModel.DataAnnotations;
using SeedreamBot.Bot.Operations;
using SeedreamBot.Discord.Interactions;

namespace SeedreamBot.Bot.Interactions;

/// <summary>How interactions are handled and where they may arrive over HTTP (section <c>Interactions</c>).</summary>
public sealed class InteractionOptions : IValidatableObject
{
    public const string SectionName = "Interactions";

    /// <summary>
    /// Interactions handled at once. More wait in line (none is dropped) and a warning is logged, so a burst cannot
    /// start an unbounded number of tasks; each waits a few milliseconds for a free slot, well inside Discord's 3 s.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Interactions:MaxConcurrent must be between 1 and 10000 (default 64).")]
    public int MaxConcurrent { get; set; } = 64;

    /// <summary>
    /// The application's public key (developer portal, General Information, 64 hex digits). Set, together with
    /// <see cref="Urls"/>, it turns on the HTTP interactions endpoint (<c>POST /interactions</c>), which checks every
    /// request's Ed25519 signature with it. Not a secret.
    /// </summary>
    public string? PublicKey { get; set; }

    /// <summary>
    /// Where the public listener binds (<c>;</c>-separated plain http URLs), for the interactions endpoint and Apiframe's
    /// webhooks. Its own port, apart from <c>Health:Urls</c>, so a reverse proxy can publish it while <c>/metrics</c>
    /// stays private. Unset: no listener.
    /// </summary>
    public string? Urls { get; set; }

    /// <summary>True when interactions may arrive over HTTP.</summary>
    public bool HttpEndpointEnabled => !string.IsNullOrWhiteSpace(PublicKey);

    /// <summary>The listener's URLs as Kestrel takes them; empty when unset.</summary>
    public IReadOnlyList<string> ListUrls() =>
        Urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HttpEndpointEnabled && !InteractionSignatureVerifier.IsValidPublicKey(PublicKey!.Trim()))
        {
            yield return new ValidationResult(
                "Interactions:PublicKey is not an application public key. Copy PUBLIC KEY from the Discord Developer Portal " +
                "(your application → General Information): 64 hex digits. Leave it unset to receive interactions over the gateway.",
                [nameof(PublicKey)]);
        }

        var urls = ListUrls();
        if (HttpEndpointEnabled && urls.Count == 0)
        {
            yield return new ValidationResult(
                "Interactions:PublicKey is set but Interactions:Urls is not: set where the interactions endpoint listens, for " +
                "example http://127.0.0.1:8081 behind a reverse proxy that serves your Interactions Endpoint URL over https.",
                [nameof(Urls)]);
        }

        for (var i = 0; i < urls.Count; i++)
        {
            if (HealthOptions.ToLocalAddress(urls[i]) is null)
            {
                yield return new ValidationResult(
                    $"Interactions:Urls entry {i + 1} is not a plain http://host:port address. Use for example http://127.0.0.1:8081 " +
                    "(this machine only, behind a reverse proxy) or http://0.0.0.0:8081 (every interface). https is not served " +
                    "here: Discord requires it, so let the reverse proxy terminate TLS.",
                    [nameof(Urls)]);
            }
        }
    }
}
