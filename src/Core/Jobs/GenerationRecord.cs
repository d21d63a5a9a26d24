using LiteDB;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Jobs;

/// <summary>
/// One generation as persisted in LiteDB: the request, who pays, where the result goes, and how far it got.
/// Button custom ids refer to <see cref="Id"/>, which is why they keep working after a restart.
/// </summary>
public sealed class GenerationRecord
{
    /// <summary>Short, URL-safe and unique; also the basis of the Apiframe idempotency key.</summary>
    public string Id { get; set; } = "";

    public GenerationOrigin Origin { get; set; }

    /// <summary>The generation this one was derived from (re-roll, edit of a result, history re-run).</summary>
    public string? ParentId { get; set; }

    public ulong GuildId { get; set; }

    public ulong UserId { get; set; }

    /// <summary>The member's roles when they asked, which decide their allowance.</summary>
    public List<ulong> RoleIds { get; set; } = [];

    public string Prompt { get; set; } = "";

    public ImageSize Size { get; set; }

    public string AspectRatio { get; set; } = AspectRatios.Square;

    public OutputFormat Format { get; set; }

    /// <summary>The input links sent to Apiframe for this run (they expire; see <see cref="Inputs"/>).</summary>
    public List<string> InputImageUrls { get; set; } = [];

    /// <summary>
    /// Where each input of <see cref="InputImageUrls"/> lives, in the same order, for reusing it later. Empty for
    /// generations made before the bot kept track (their links are then refreshed where Discord allows).
    /// </summary>
    public List<GenerationInput> Inputs { get; set; } = [];

    public int Cost { get; set; }

    public GenerationState State { get; set; }

    public string? JobId { get; set; }

    public DeliveryTarget Target { get; set; } = new();

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Apiframe's URL of the original result (Apiframe deletes it after about a day); the image itself lives on the result message.</summary>
    public string? ResultUrl { get; set; }

    /// <summary>The message that shows the result, for links from <c>/history</c> and the Delete button.</summary>
    public ulong? ResultMessageId { get; set; }

    public ulong? ResultChannelId { get; set; }

    /// <summary>Apiframe credits the job cost (from the job), for the spend guard.</summary>
    public int? ApiframeCreditCost { get; set; }

    public ApiframeFailureKind? FailureKind { get; set; }

    public string? FailureMessage { get; set; }

    /// <summary>How many times the bot started processing it (more than one means it was resumed after a restart).</summary>
    public int Attempts { get; set; }

    [BsonIgnore]
    public CreditScope Scope => new(GuildId, UserId);

    [BsonIgnore]
    public CreditMember Member => new(Scope, RoleIds);

    [BsonIgnore]
    public bool IsFinished => State is GenerationState.Delivered or GenerationState.Failed;

    /// <summary>The key Apiframe uses to recognise a resubmission of this same generation.</summary>
    [BsonIgnore]
    public string IdempotencyKey => "seedreambot-" + Id;

    public GenerationRequest ToRequest() => new(Prompt, Size, AspectRatio, Format, InputImageUrls);
}
