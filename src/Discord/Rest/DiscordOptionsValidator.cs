using Microsoft.Extensions.Options;

namespace SeedreamBot.Discord.Rest;

/// <summary>Checks that data annotations cannot express, with messages that tell the operator what to do.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.Token) && options.Token.Any(char.IsWhiteSpace))
        {
            // Never echo the value: say what is wrong with it instead.
            failures.Add("Discord:Token contains whitespace. Copy the token again from the Discord Developer Portal → your application → Bot → Reset Token.");
        }

        // Messages never repeat a value: a token pasted into the wrong key must not end up in a log.
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"Discord:ApiBaseUrl is not an absolute https URL. Leave it unset for {DiscordOptions.DefaultApiBaseUrl}.");
        }
        else if (api.Scheme == Uri.UriSchemeHttp && !api.IsLoopback)
        {
            // The bot token travels in every request: plain http only to a fake on this machine.
            failures.Add($"Discord:ApiBaseUrl must use https (the bot token is sent with every request); plain http is allowed only for localhost. Leave it unset for {DiscordOptions.DefaultApiBaseUrl}.");
        }

        if (!Uri.TryCreate(options.ProjectUrl, UriKind.Absolute, out _))
        {
            failures.Add($"Discord:ProjectUrl is not an absolute URL. Leave it unset for {DiscordOptions.DefaultProjectUrl}.");
        }

        if (options.InvalidRequestErrorThreshold < options.InvalidRequestWarningThreshold)
        {
            failures.Add("Discord:InvalidRequestErrorThreshold must not be below Discord:InvalidRequestWarningThreshold.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
