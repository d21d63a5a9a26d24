namespace SeedreamBot.Core.Jobs;

/// <summary>What started a generation; shown in history and used to word the result.</summary>
public enum GenerationOrigin
{
    /// <summary><c>/imagine</c>.</summary>
    Imagine,

    /// <summary><c>/edit</c>.</summary>
    Edit,

    /// <summary>The "Edit with Seedream" message command and its modal.</summary>
    MessageEdit,

    /// <summary>The Re-roll button under a result.</summary>
    Reroll,

    /// <summary>The Edit button under a result: the result becomes the input.</summary>
    EditResult,

    /// <summary>The re-run button in <c>/history</c>.</summary>
    Rerun,
}
