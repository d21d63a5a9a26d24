namespace SeedreamBot.Fakes.Apiframe;

/// <summary>The documented shapes of a COMPLETED job's <c>result</c>.</summary>
public enum FakeResultShape
{
    /// <summary><c>{"images":["…-1.png"]}</c>: the current docs.</summary>
    Images,

    /// <summary><c>"…-1.png"</c>: the older docs and the webhook payloads.</summary>
    BareString,

    /// <summary><c>["…-1.png"]</c>.</summary>
    StringArray,

    /// <summary><c>{"images":[]}</c>: completed without an image.</summary>
    EmptyImages,
}
