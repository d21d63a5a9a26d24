namespace SeedreamBot.Core.Seedream;

/// <summary>Which call a failure came from; the same status means different things on different routes.</summary>
internal enum ApiframeOperation
{
    Submit,
    Poll,
    Account,
    Download,
    Upload,
}
