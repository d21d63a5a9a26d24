using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Discord;

// The HTTP alternative to the gateway: with an Interactions Endpoint URL set, interactions are POSTed to the bot,
// signed with the application's Ed25519 key, and the HTTP response is the interaction's initial response.
public sealed partial class FakeDiscordServer
{
    private const string CallbackRoute = "/interactions/{interaction_id}/{interaction_token}/callback";

    private readonly FakeInteractionSigner _signer = new();
    private readonly HttpClient _endpointClient = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly System.Collections.Concurrent.ConcurrentBag<Task> _httpDeliveries = [];
    private Uri? _interactionsEndpoint;

    /// <summary>The application's public key (hex), as the developer portal shows it: the bot's <c>Interactions:PublicKey</c>.</summary>
    public string InteractionsPublicKey => _signer.PublicKeyHex;

    /// <summary>Where interactions go instead of the gateway, once <see cref="SetInteractionsEndpointAsync"/> accepted it.</summary>
    public Uri? InteractionsEndpoint => Read(() => _interactionsEndpoint);

    /// <summary>
    /// Sets the Interactions Endpoint URL as the developer portal does: only after the endpoint passed Discord's checks —
    /// a signed PING answered 200 with <c>{"type":1}</c> as JSON, and requests with a bad signature (random bytes, a
    /// changed body) answered 401. From then on every dispatched interaction is POSTed there instead of the gateway.
    /// </summary>
    /// <exception cref="FakeEndpointValidationException">The endpoint failed a check (the portal's error, with what it saw).</exception>
    public async Task SetInteractionsEndpointAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var pong = await SendSignedAsync(url, Ping(), FakeSignature.Valid, Options.InitialResponseWindow, cancellationToken).ConfigureAwait(false);
        if (pong.StatusCode != 200
            || pong.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true
            || FakeMessageRules.Int(pong.Json?["type"]) != 1)
        {
            throw new FakeEndpointValidationException($"interactions_endpoint_url: The specified interactions endpoint url could not be verified. (PING answered: {pong})");
        }

        foreach (var bad in new[] { FakeSignature.Random, FakeSignature.TamperedBody })
        {
            var refused = await SendSignedAsync(url, Ping(), bad, Options.InitialResponseWindow, cancellationToken).ConfigureAwait(false);
            if (refused.StatusCode != 401)
            {
                throw new FakeEndpointValidationException(
                    $"interactions_endpoint_url: The specified interactions endpoint url could not be verified. (A request signed {bad} was answered {refused}, not 401.)");
            }
        }

        Write(() => _interactionsEndpoint = url);
    }

    /// <summary>Completes once every interaction POSTed so far has its answer (or gave up waiting for one).</summary>
    public Task HttpDeliveriesSettledAsync() => Task.WhenAll(_httpDeliveries);

    /// <summary>Back to the gateway (the portal's field emptied).</summary>
    public void ClearInteractionsEndpoint() => Write(() => _interactionsEndpoint = null);

    /// <summary>POSTs <paramref name="body"/> to the interactions endpoint, signed as <paramref name="signature"/> says.</summary>
    public Task<FakeEndpointResponse> PostToInteractionsEndpointAsync(JsonObject body, FakeSignature signature = FakeSignature.Valid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var url = InteractionsEndpoint ?? throw new InvalidOperationException("No Interactions Endpoint URL is set.");
        return SendSignedAsync(url, Encoding.UTF8.GetBytes(body.ToJsonString()), signature, Options.InitialResponseWindow, cancellationToken);
    }

    /// <summary>
    /// Registers the interaction (so the bot could answer it) and POSTs it signed as <paramref name="signature"/> says,
    /// without reading the answer as its initial response: for tests of what the bot does with a request it must refuse.
    /// </summary>
    internal async Task<(FakeInteraction Interaction, FakeEndpointResponse Response)> PostAsync<TBuilder>(
        FakeInteractionBuilder<TBuilder> builder, FakeSignature signature, CancellationToken cancellationToken)
        where TBuilder : FakeInteractionBuilder<TBuilder>
    {
        var interaction = Register(builder);
        var url = InteractionsEndpoint ?? throw new InvalidOperationException("No Interactions Endpoint URL is set.");
        var response = await SendSignedAsync(url, Encoding.UTF8.GetBytes(interaction.Json.ToJsonString()), signature, Options.InitialResponseWindow, cancellationToken)
            .ConfigureAwait(false);
        return (interaction, response);
    }

    // Discord's side of an HTTP interaction: POST, wait up to the initial-response window, take a 200 as the callback.
    private async Task<FakeEndpointResponse> DeliverOverHttpAsync(FakeInteraction interaction, Uri url)
    {
        var window = Options.InitialResponseWindow - (TimeProvider.GetUtcNow() - interaction.DispatchedAt);
        var response = await SendSignedAsync(url, Encoding.UTF8.GetBytes(interaction.Json.ToJsonString()), FakeSignature.Valid, window, CancellationToken.None)
            .ConfigureAwait(false);
        if (response.StatusCode == 200)
        {
            TakeHttpResponseAsCallback(interaction, response);
        }

        Write(() => interaction.HttpResponseValue = response);
        return response;
    }

    private void TakeHttpResponseAsCallback(FakeInteraction interaction, FakeEndpointResponse response)
    {
        var now = TimeProvider.GetUtcNow();
        var timestamp = TimeProvider.GetTimestamp();
        var values = new Dictionary<string, string>
        {
            ["interaction_id"] = interaction.Id.ToString(CultureInfo.InvariantCulture),
            ["interaction_token"] = interaction.Token,
        };

        // Discord reads only JSON here: a multipart answer (files) fails the interaction, files go over the callback.
        var json = response.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true ? response.Json : null;
        var call = new FakeDiscordCall
        {
            Method = "POST",
            Path = $"/interactions/{values["interaction_id"]}/{interaction.Token}/callback",
            Route = CallbackRoute,
            Query = "",
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = response.ContentType ?? "" },
            RouteValues = values,
            Json = json,
            ReceivedAt = now,
            ReceivedTimestamp = timestamp,
        };

        FakeRestResult result;
        if (json is null)
        {
            result = FakeRestResult.Error(400, 50109, "The request body contains invalid JSON.");
        }
        else
        {
            lock (_lock)
            {
                result = Callback(new FakeRestRequest(values, json, [], "", now, timestamp));
            }
        }

        call.StatusCode = result.Status;
        call.ResponseJson = result.Body?.DeepClone();
        Write(() => interaction.HttpCallbackResultValue = call);
        CheckContractInBackground(call);
    }

    private async Task<FakeEndpointResponse> SendSignedAsync(Uri url, byte[] body, FakeSignature signature, TimeSpan window, CancellationToken cancellationToken)
    {
        var sentAt = TimeProvider.GetUtcNow();
        var timestamp = FakeInteractionSigner.Timestamp(signature == FakeSignature.Stale ? sentAt - TimeSpan.FromMinutes(10) : sentAt);
        var sent = body;
        string? signed;
        switch (signature)
        {
            case FakeSignature.Random:
                signed = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(64));
                break;
            case FakeSignature.WrongKey:
                using (var stranger = new FakeInteractionSigner())
                {
                    signed = stranger.Sign(timestamp, body);
                }

                break;
            case FakeSignature.TamperedBody:
                signed = _signer.Sign(timestamp, body);
                sent = [.. body, (byte)' '];
                break;
            case FakeSignature.Missing:
                signed = null;
                break;
            default:
                signed = _signer.Sign(timestamp, body);
                break;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(sent) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.UserAgent.ParseAdd("Discord-Interactions/1.0 (+https://discord.com)");
        if (signed is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signed);
            request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);
        }

        // Discord's 3 seconds are real time, whatever clock the test gave the fake.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
        deadline.CancelAfter(window > TimeSpan.Zero ? window : TimeSpan.Zero);
        try
        {
            using var response = await _endpointClient.SendAsync(request, deadline.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            return new FakeEndpointResponse
            {
                StatusCode = (int)response.StatusCode,
                ContentType = response.Content.Headers.ContentType?.ToString(),
                Body = text,
                SentAt = sentAt,
                AnsweredAt = TimeProvider.GetUtcNow(),
            };
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            return new FakeEndpointResponse
            {
                StatusCode = 0,
                SentAt = sentAt,
                Error = deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                    ? $"no answer within {window.TotalMilliseconds:0} ms"
                    : exception.Message,
            };
        }
    }

    private byte[] Ping()
    {
        var ping = new JsonObject
        {
            ["id"] = _ids.Next().ToString(CultureInfo.InvariantCulture),
            ["application_id"] = ApplicationId.ToString(CultureInfo.InvariantCulture),
            ["type"] = 1,
            ["token"] = "cGluZzo" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('='),
            ["version"] = 1,
            ["user"] = new JsonObject
            {
                ["id"] = DefaultUserId.ToString(CultureInfo.InvariantCulture),
                ["username"] = "discord",
                ["discriminator"] = "0",
                ["global_name"] = null,
                ["avatar"] = null,
            },
            ["entitlements"] = new JsonArray(),
        };
        return Encoding.UTF8.GetBytes(ping.ToJsonString());
    }
}
