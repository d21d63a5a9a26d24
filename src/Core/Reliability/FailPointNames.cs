namespace SeedreamBot.Core.Reliability;

/// <summary>
/// The moments of a generation a crash test can kill the process at, in the order a generation passes them. The
/// README's reliability section says what is guaranteed after a kill at each.
/// </summary>
public static class FailPointNames
{
    /// <summary>The intent is stored and Discord has the deferral ("thinking…"); no credits are held yet.</summary>
    public const string AfterAck = "after-ack";

    /// <summary>The credits are held; the generation is not yet marked queued.</summary>
    public const string AfterHold = "after-hold";

    /// <summary>Apiframe accepted the job; its id is not stored yet.</summary>
    public const string AfterSubmitBeforeJobIdSaved = "after-submit-before-job-id-saved";

    /// <summary>The job id is stored and the first status came back from polling.</summary>
    public const string WhilePolling = "while-polling";

    /// <summary>The finished image is downloaded; nothing was uploaded to Discord yet.</summary>
    public const string AfterDownload = "after-download";

    /// <summary>Discord has the image; where it went is not stored yet.</summary>
    public const string AfterUploadBeforeReceiptSaved = "after-upload-before-receipt-saved";

    /// <summary>The delivery is stored; the hold is not settled yet.</summary>
    public const string AfterReceiptBeforeSettle = "after-receipt-before-settle";

    /// <summary>Inside the settle transaction, before it commits.</summary>
    public const string DuringSettle = "during-settle";

    public static IReadOnlyList<string> All { get; } =
    [
        AfterAck,
        AfterHold,
        AfterSubmitBeforeJobIdSaved,
        WhilePolling,
        AfterDownload,
        AfterUploadBeforeReceiptSaved,
        AfterReceiptBeforeSettle,
        DuringSettle,
    ];
}
