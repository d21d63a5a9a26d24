using System.Diagnostics.CodeAnalysis;

namespace SeedreamBot.Core.Generation;

/// <summary>
/// What <see cref="GenerationRequestValidator"/> decided: a request ready to send, or every reason it is not,
/// each phrased for the member who typed it.
/// </summary>
public sealed class GenerationValidationResult
{
    private GenerationValidationResult(GenerationRequest? request, IReadOnlyList<string> errors)
    {
        Request = request;
        Errors = errors;
    }

    /// <summary>The validated request; null when <see cref="Errors"/> is not empty.</summary>
    public GenerationRequest? Request { get; }

    /// <summary>User-facing messages, one per broken rule: prompt, size, aspect ratio, format, then input images.</summary>
    public IReadOnlyList<string> Errors { get; }

    [MemberNotNullWhen(true, nameof(Request))]
    public bool IsValid => Request is not null;

    internal static GenerationValidationResult Valid(GenerationRequest request) => new(request, []);

    internal static GenerationValidationResult Invalid(IReadOnlyList<string> errors) => new(null, errors);

    public override string ToString() => IsValid ? $"Valid({Request})" : $"Invalid({string.Join(" | ", Errors)})";
}
