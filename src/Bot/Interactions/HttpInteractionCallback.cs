using System.Net;
using System.Text.Json;
using SeedreamBot.Discord.Json;
using SeedreamBot.Discord.Models;
using SeedreamBot.Discord.Models.Validation;
using SeedreamBot.Discord.Rest;

namespace SeedreamBot.Bot.Interactions;

/// <summary>
/// The initial response of an interaction that arrived as an HTTP request: the handler's first response becomes the
/// HTTP response body (so a deferral costs no extra request), and <see cref="SendAsync"/> completes once it has been
/// written. Discord does not take files in that body, so an initial response with files goes over the REST callback
/// and the HTTP request is answered 202. One per request.
/// </summary>
public sealed class HttpInteractionCallback : IInteractionCallback
{
    private readonly IInteractionCallback _rest;
    private readonly TaskCompletionSource<HttpInteractionAnswer> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _claimed;

    /// <param name="rest">The REST callback, for responses with files and for a second attempt after a failed one.</param>
    public HttpInteractionCallback(IInteractionCallback rest)
    {
        ArgumentNullException.ThrowIfNull(rest);
        _rest = rest;
    }

    /// <summary>Completes with what to write: the first initial response, or why there is none.</summary>
    public Task<HttpInteractionAnswer> Answer => _answer.Task;

    public async Task SendAsync(Interaction interaction, InteractionResponse response, IReadOnlyList<DiscordFile>? files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(response);

        // Checked before the HTTP response is spent: a response Discord would refuse throws here, as the REST client
        // throws before sending, so the pipeline's apology can still go out as the HTTP response.
        DiscordValidator.ValidateInteractionResponse(response, files, interaction.AttachmentSizeLimit);

        if (Interlocked.Exchange(ref _claimed, 1) == 1)
        {
            // The HTTP response was used by an earlier attempt (which Discord refused): only the callback is left.
            await _rest.SendAsync(interaction, response, files, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (files is { Count: > 0 })
        {
            try
            {
                await _rest.SendAsync(interaction, response, files, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _answer.TrySetResult(HttpInteractionAnswer.AnsweredByCallback);
            }

            return;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(response, DiscordJsonContext.Default.InteractionResponse);
        if (!_answer.TrySetResult(new HttpInteractionAnswer(200, json)))
        {
            throw Expired();
        }

        await _written.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void HandlingEnded() => _answer.TrySetResult(HttpInteractionAnswer.Unanswered);

    /// <summary>
    /// The endpoint's deadline passed before any answer: Discord has dropped the request. Later attempts fail like a
    /// late REST callback (10062 Unknown interaction). False when an answer came first.
    /// </summary>
    public bool GiveUp()
    {
        if (!_answer.TrySetResult(HttpInteractionAnswer.TooLate))
        {
            return false;
        }

        _written.TrySetException(Expired());
        return true;
    }

    /// <summary>The endpoint wrote the answer to the HTTP response.</summary>
    public void Written() => _written.TrySetResult();

    /// <summary>The answer could not be written (Discord closed the request): the interaction is lost, as after 3 s.</summary>
    public void WriteFailed(Exception exception) => _written.TrySetException(Expired(exception));

    private static DiscordHttpException Expired(Exception? inner = null) => new(
        HttpStatusCode.NotFound,
        DiscordErrorCode.UnknownInteraction,
        "Unknown interaction (its HTTP request is no longer open)",
        [],
        "POST",
        "interactions endpoint response",
        inner);
}
