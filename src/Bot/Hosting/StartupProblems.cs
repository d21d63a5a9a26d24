using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SeedreamBot.Bot.Hosting;

/// <summary>
/// Runs every options validation before the host starts, and turns configuration mistakes into one readable
/// paragraph for the operator instead of a stack trace.
/// </summary>
public static class StartupProblems
{
    /// <summary>Null when the configuration is valid; otherwise the paragraph to print.</summary>
    public static string? Check(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (OptionsValidationException exception)
        {
            return Describe(exception.Failures);
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return Describe(exception.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
        }
    }

    public static string Describe(IEnumerable<string> failures)
    {
        var distinct = failures
            .SelectMany(failure => failure.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(StripValidatorPrefix)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder("SeedreamBot cannot start because its configuration needs attention. ");
        foreach (var failure in distinct)
        {
            text.Append(failure.TrimEnd('.')).Append(". ");
        }

        text.Append("Settings come from appsettings.json, environment variables (e.g. Discord__Token) or files in the ")
            .Append("secrets folder; appsettings.example.json documents every one of them. Fix the above and start the bot again.");
        return text.ToString();
    }

    // DataAnnotation failures read "DataAnnotation validation failed for 'X' members: 'Y' with the error: '...'."
    private static string StripValidatorPrefix(string failure)
    {
        const string marker = "with the error: '";
        var at = failure.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? failure : failure[(at + marker.Length)..].TrimEnd('.', '\'');
    }
}
