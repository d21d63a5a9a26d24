using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Hosting;

/// <summary>The bot's Discord application id, read once from <c>GET /applications/@me</c> and kept.</summary>
public sealed class BotApplication
{
    private readonly IDiscordRestClient _rest;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ulong _id;

    public BotApplication(IDiscordRestClient rest) => _rest = rest;

    public async Task<ulong> GetIdAsync(CancellationToken cancellationToken)
    {
        if (_id != 0)
        {
            return _id;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_id == 0)
            {
                var application = await _rest.GetCurrentApplicationAsync(cancellationToken).ConfigureAwait(false);
                _id = application.Id;
            }

            return _id;
        }
        finally
        {
            _gate.Release();
        }
    }
}
