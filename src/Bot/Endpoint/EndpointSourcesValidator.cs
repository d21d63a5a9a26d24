using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Interactions;

namespace SeedreamBot.Bot.Endpoint;

/// <summary>
/// The rules that span sections: without the gateway, interactions must come over HTTP; webhooks need the listener
/// Apiframe reaches; a listener must have something to serve. Reads the other sections' raw values, so their own
/// mistakes are reported by their own validation.
/// </summary>
public sealed class EndpointSourcesValidator(IConfiguration configuration) : IValidateOptions<InteractionOptions>
{
    public ValidateOptionsResult Validate(string? name, InteractionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var gatewayOff = bool.TryParse(configuration["Discord:Gateway"], out var gateway) && !gateway;
        var webhooks = !string.IsNullOrWhiteSpace(configuration["Apiframe:WebhookUrl"]);
        var listening = options.ListUrls().Count > 0;

        if (gatewayOff && !options.HttpEndpointEnabled)
        {
            failures.Add(
                "Discord:Gateway is false but Interactions:PublicKey is not set, so no command could reach the bot. Set " +
                "Interactions:PublicKey and Interactions:Urls (README: HTTP interactions), or remove Discord:Gateway.");
        }

        if (webhooks && !listening)
        {
            failures.Add(
                "Apiframe:WebhookUrl is set but Interactions:Urls is not: set where the listener Apiframe's webhooks reach " +
                "binds (for example http://127.0.0.1:8081 behind your https reverse proxy), or remove Apiframe:WebhookUrl.");
        }

        if (listening && !options.HttpEndpointEnabled && !webhooks)
        {
            failures.Add(
                "Interactions:Urls is set but there is nothing to serve there: set Interactions:PublicKey (HTTP interactions) " +
                "and/or Apiframe:WebhookUrl (webhooks), or remove Interactions:Urls.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
