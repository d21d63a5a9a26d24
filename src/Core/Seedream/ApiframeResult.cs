using System.Diagnostics.CodeAnalysis;

namespace SeedreamBot.Core.Seedream;

/// <summary>Either a value or an <see cref="ApiframeFailure"/>; never both.</summary>
public sealed class ApiframeResult<T>
    where T : class
{
    private ApiframeResult(T? value, ApiframeFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public ApiframeFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static ApiframeResult<T> Success(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static ApiframeResult<T> Fail(ApiframeFailure failure) =>
        new(null, failure ?? throw new ArgumentNullException(nameof(failure)));

    public static implicit operator ApiframeResult<T>(ApiframeFailure failure) => Fail(failure);

    public override string ToString() => Succeeded ? $"Success({Value})" : $"Failure({Failure})";
}
