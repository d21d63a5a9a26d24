namespace SeedreamBot.Bot.Generation;

/// <summary>Why an input image could not be downloaded.</summary>
public enum InputDownloadProblem
{
    /// <summary>Not on <c>Generation:InputImageHosts</c> over https.</summary>
    HostNotAllowed,

    /// <summary>Discord's CDN no longer serves it (deleted, or its signed link expired).</summary>
    Gone,

    /// <summary>Larger than <c>Generation:MaxInputImageBytes</c>.</summary>
    TooLarge,

    /// <summary>A network error or an unexpected answer.</summary>
    Failed,
}
