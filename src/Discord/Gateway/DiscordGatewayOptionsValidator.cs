using Microsoft.Extensions.Options;

namespace SeedreamBot.Discord.Gateway;

/// <summary>
/// The checks data annotations cannot express. Shard ids are checked against the shard count when the gateway
/// starts, since the count may be Discord's recommendation.
/// </summary>
internal sealed class DiscordGatewayOptionsValidator : IValidateOptions<DiscordGatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordGatewayOptions options)
    {
        var failures = new List<string>();
        if (options.ShardIds is { } ids)
        {
            if (ids.Count == 0)
            {
                failures.Add("Discord:ShardIds is empty. List the shards this process runs (e.g. 0,1), or remove the key to run all of them.");
            }

            if (ids.Any(id => id < 0))
            {
                failures.Add("Discord:ShardIds must not contain negative shard ids.");
            }

            if (ids.Distinct().Count() != ids.Count)
            {
                failures.Add("Discord:ShardIds lists a shard more than once.");
            }
        }

        if (options.MaxReconnectDelay < options.ReconnectDelay)
        {
            failures.Add("Discord:MaxReconnectDelay must not be shorter than Discord:ReconnectDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
