using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

// Injected misbehaviour (a slow Discord, an upload applied but not confirmed) and the channel history read by recovery.
public sealed partial class FakeDiscordServer
{
    private const ulong ViewChannelPermission = 1UL << 10;
    private const ulong ReadMessageHistoryPermission = 1UL << 16;

    private readonly List<InjectedFault> _faults = [];
    private readonly Dictionary<ulong, ulong> _appPermissions = [];

    /// <summary>
    /// The bot's permissions in a channel, for the rules that depend on them (reading history); unset channels have
    /// <see cref="DefaultAppPermissions"/>.
    /// </summary>
    public void SetAppPermissions(ulong channelId, ulong permissions) => Write(() => _appPermissions[channelId] = permissions);

    /// <summary>
    /// Makes the next <paramref name="times"/> requests that match <paramref name="match"/> misbehave as
    /// <paramref name="fault"/> says. The call passed to <paramref name="match"/> has its method, route, query and body.
    /// </summary>
    public void InjectFault(Func<FakeDiscordCall, bool> match, FakeDiscordFault fault, int times = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(fault);
        Write(() => _faults.Add(new InjectedFault(match, fault, times)));
    }

    public void ClearFaults() => Write(_faults.Clear);

    /// <summary>How many requests met an injected fault so far.</summary>
    public int FaultsMet => Read(() => _faults.Sum(fault => fault.Met));

    private FakeDiscordFault? TakeFault(FakeDiscordCall call) => Read(() =>
    {
        foreach (var fault in _faults)
        {
            if (fault.Remaining > 0 && fault.Match(call))
            {
                fault.Remaining--;
                fault.Met++;
                return fault.Fault;
            }
        }

        return null;
    });

    /// <summary>
    /// <c>GET /channels/{id}/messages?after=…&amp;limit=…</c>: the messages right after one, newest first, no ephemeral
    /// ones; none at all without Read Message History.
    /// </summary>
    private FakeRestResult ListChannelMessages(FakeRestRequest request)
    {
        var channelId = request.Id("channel_id");
        if (_channelErrors.TryGetValue(channelId, out var denied))
        {
            return FakeRestResult.Error(denied.Status, denied.Code, denied.Message);
        }

        // Like Discord: without View Channel the channel is not there for the bot; without Read Message History it
        // reads as empty.
        var permissions = _appPermissions.GetValueOrDefault(channelId, DefaultAppPermissions);
        if ((permissions & ViewChannelPermission) == 0)
        {
            return FakeRestResult.Error(403, 50001, "Missing Access");
        }

        if ((permissions & ReadMessageHistoryPermission) == 0)
        {
            return FakeRestResult.Ok(new JsonArray());
        }

        var query = System.Web.HttpUtility.ParseQueryString(request.Query);
        var limit = 50;
        if (query["limit"] is { } limitText && (!int.TryParse(limitText, out limit) || limit is < 1 or > 100))
        {
            var errors = new FakeErrorTree();
            errors.Add("limit", "NUMBER_TYPE_MAX", "int value should be less than or equal to 100.");
            return FakeRestResult.Invalid(errors);
        }

        var after = query["after"] is { } afterText && ulong.TryParse(afterText, out var parsed) ? parsed : 0;
        var page = _messages.Values
            .Select(versions => versions[^1])
            .Where(message => message.ChannelId == channelId && !message.Deleted && !message.IsEphemeral && message.Id > after)
            .OrderBy(message => message.Id)
            .Take(limit)
            .OrderByDescending(message => message.Id)
            .Select(message => (JsonNode)message.ToJson(ApplicationId))
            .ToArray();
        return FakeRestResult.Ok(new JsonArray(page));
    }

    private sealed class InjectedFault(Func<FakeDiscordCall, bool> match, FakeDiscordFault fault, int times)
    {
        public Func<FakeDiscordCall, bool> Match { get; } = match;

        public FakeDiscordFault Fault { get; } = fault;

        public int Remaining { get; set; } = times;

        public int Met { get; set; }
    }
}
