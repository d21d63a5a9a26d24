using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SeedreamBot.Fakes.Apiframe;

/// <summary>
/// Sends the fake's webhooks the way Apiframe documents them: a JSON POST to the job's <c>webhookUrl</c> with
/// <c>X-Webhook-Event</c> and <c>X-Webhook-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the exact body keyed with
/// the raw SHA-256 digest of the API key that created the job. One job's events go out one after another; a failed
/// request is not retried. <see cref="FakeWebhookSettings"/> adds drops, duplicates, reordering and delay.
/// </summary>
internal sealed class FakeWebhookSender : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<FakeWebhookDelivery> _deliveries = [];
    private readonly Dictionary<string, Task> _chains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FakeWebhookDelivery>> _held = new(StringComparer.Ordinal);
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = RequestTimeout };
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeProvider _time;
    private readonly FakeSignal _signal;
    private readonly Action<string, bool> _endDelivered;

    /// <param name="endDelivered">Told whether a job's completed or failed event was accepted (its <c>webhookStatus</c>).</param>
    public FakeWebhookSender(TimeProvider time, FakeSignal signal, Action<string, bool> endDelivered)
    {
        _time = time;
        _signal = signal;
        _endDelivered = endDelivered;
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Apiframe-Webhooks/2.0");
    }

    public FakeWebhookSettings Settings { get; } = new();

    public IReadOnlyList<FakeWebhookDelivery> Deliveries()
    {
        lock (_gate)
        {
            return [.. _deliveries];
        }
    }

    /// <summary>The HMAC key Apiframe derives from an API key.</summary>
    public static byte[] SecretFor(string apiKey) => SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));

    /// <summary>Queues an event; never blocks (called under the fake's lock).</summary>
    public void Raise(Uri url, string ownerKey, FakeWebhookEvent raised, JsonObject payload, DateTimeOffset at)
    {
        var body = payload.ToJsonString();
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(SecretFor(ownerKey), Encoding.UTF8.GetBytes(body)));
        var drop = Settings.Drop;
        var copies = Settings.Duplicate ? 2 : 1;
        var terminal = raised.Event is "completed" or "failed";
        lock (_gate)
        {
            var outgoing = new List<FakeWebhookDelivery>();
            for (var copy = 0; copy < copies; copy++)
            {
                var delivery = new FakeWebhookDelivery(_deliveries.Count + 1, raised, url, body, signature, at, drop?.Invoke(raised) == true);
                _deliveries.Add(delivery);
                if (!delivery.Dropped)
                {
                    outgoing.Add(delivery);
                }
            }

            if (Settings.Reorder && !terminal)
            {
                if (!_held.TryGetValue(raised.JobId, out var held))
                {
                    _held[raised.JobId] = held = [];
                }

                held.AddRange(outgoing);
            }
            else
            {
                foreach (var delivery in outgoing)
                {
                    Schedule(delivery);
                }

                // Reordered: the held progress events follow the end, newest first.
                if (terminal && _held.Remove(raised.JobId, out var held))
                {
                    foreach (var delivery in Enumerable.Reverse(held))
                    {
                        Schedule(delivery);
                    }
                }
            }
        }

        _signal.Pulse();
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _http.Dispose();
        _stopping.Dispose();
    }

    // Under _gate: after the job's previous request has been answered.
    private void Schedule(FakeWebhookDelivery delivery)
    {
        var previous = _chains.GetValueOrDefault(delivery.JobId) ?? Task.CompletedTask;
        _chains[delivery.JobId] = previous.ContinueWith(_ => SendAsync(delivery), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
    }

    private async Task SendAsync(FakeWebhookDelivery delivery)
    {
        var stopping = _stopping.Token;
        try
        {
            if (Settings.Delay is { } delay && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
            {
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes(delivery.Body)),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation("X-Webhook-Signature", delivery.Signature);
            request.Headers.TryAddWithoutValidation("X-Webhook-Event", delivery.Event);
            Record(delivery, d => d.SentAt = _time.GetUtcNow());
            using var response = await _http.SendAsync(request, stopping).ConfigureAwait(false);
            Record(delivery, d =>
            {
                d.AnsweredAt = _time.GetUtcNow();
                d.StatusCode = (int)response.StatusCode;
            });
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            Record(delivery, d =>
            {
                d.StatusCode = 0;
                d.Error = exception.Message;
            });
        }
        catch (ObjectDisposedException)
        {
            // The fake is shutting down.
            return;
        }

        if (delivery.Event is "completed" or "failed")
        {
            _endDelivered(delivery.JobId, delivery.Accepted);
        }
    }

    private void Record(FakeWebhookDelivery delivery, Action<FakeWebhookDelivery> change)
    {
        lock (_gate)
        {
            change(delivery);
        }

        _signal.Pulse();
    }
}
