using SeedreamBot.Core.Jobs;
using SeedreamBot.Core.Seedream;

namespace SeedreamBot.Core.Tests.Jobs;

public sealed class GenerationFailureTests
{
    [Theory]
    [InlineData(ApiframeFailureKind.Unauthorized, true)]
    [InlineData(ApiframeFailureKind.InsufficientCredits, true)]
    [InlineData(ApiframeFailureKind.JobFailed, false)]
    public void Only_Apiframe_failures_the_operator_must_fix_are_operator_problems(ApiframeFailureKind kind, bool expected)
    {
        Assert.Equal(expected, GenerationFailure.FromApiframe(new ApiframeFailure(kind, "x")).IsOperatorProblem);
        Assert.False(GenerationFailure.Internal("x").IsOperatorProblem);
    }
}
