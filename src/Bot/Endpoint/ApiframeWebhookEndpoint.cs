using Microsoft.AspNetCore.Http;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Bot.Endpoint;

/// <summary>
/// <c>POST /webhooks/apiframe</c>: Apiframe's job events. A signed, readable event is handed to the job's poller
/// (<see cref="ApiframeWebhookReceiver"/>) and answered 204; a bad signature 401, an unreadable event 400, neither
/// doing anything.
/// </summary>
public sealed class ApiframeWebhookEndpoint(ApiframeWebhookReceiver receiver, EndpointMetrics metrics)
{
    /// <summary>Webhook payloads are a few hundred bytes.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private const string MetricsPath = "apiframe_webhooks";

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = await EndpointRequestBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            metrics.Request(MetricsPath, "too_large");
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var receipt = receiver.Receive(body, context.Request.Headers[ApiframeWebhookSignature.Header].ToString());
        metrics.Request(MetricsPath, receipt switch
        {
            ApiframeWebhookReceipt.Accepted => "accepted",
            ApiframeWebhookReceipt.BadSignature => "bad_signature",
            _ => "unreadable",
        });
        context.Response.StatusCode = receipt switch
        {
            ApiframeWebhookReceipt.Accepted => StatusCodes.Status204NoContent,
            ApiframeWebhookReceipt.BadSignature => StatusCodes.Status401Unauthorized,
            _ => StatusCodes.Status400BadRequest,
        };
    }
}
