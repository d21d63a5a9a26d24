using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Bot.Hosting;

/// <summary>
/// Runs every options validation and opens the database before the host starts, and turns configuration and
/// database mistakes into one readable paragraph for the operator instead of a stack trace.
/// </summary>
public static partial class StartupProblems
{
    private const string ConfigurationHelp =
        "Settings come from appsettings.json, environment variables (e.g. Discord__Token) or files in the secrets folder; " +
        "appsettings.example.json documents every one of them. Fix the above and start the bot again.";

    /// <summary>Null when the configuration is valid and the database opens; otherwise the paragraph to print.</summary>
    public static string? Check(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<IConfiguration>() is { } configuration && UnreadableValues(configuration) is { Count: > 0 } unreadable)
        {
            // The validator stops at the first value it cannot convert; reading each section first lists them all.
            return Describe(unreadable);
        }

        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception exception) when (ValidationFailures(exception) is { } failures)
        {
            // Data annotations skip a class's own Validate() when one of its properties already failed, so a bad key
            // would only be reported after the operator fixed an unrelated range. Ask every class directly too.
            var configurationNow = services.GetService<IConfiguration>();
            return Describe(configurationNow is null ? failures : [.. failures, .. ObjectLevelFailures(configurationNow)]);
        }
        catch (Exception exception) when (Describe(exception) is { } problem)
        {
            return problem;
        }

        try
        {
            // Opening the database here (it stays open for the host) reports a locked, unreadable or too new file
            // the same way, before anything connects to Discord.
            services.GetService<SeedreamDatabase>();
            return null;
        }
        catch (Exception exception) when (Describe(exception) is { } problem)
        {
            return problem;
        }
    }

    /// <summary>The paragraph for an exception that is an operator's mistake, or null for a bug (which keeps its stack trace).</summary>
    public static string? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (ValidationFailures(exception) is { } failures)
        {
            return Describe(failures);
        }

        switch (exception)
        {
            case InvalidOperationException when UnreadableValue(exception) is { } unreadable:
                return Describe([unreadable]);
            case StorageVersionException or IOException when IsDatabaseProblem(exception):
                return "SeedreamBot cannot start because its database cannot be used. " + exception.Message.TrimEnd() +
                    " The database is the file in Storage:DatabasePath (env Storage__DatabasePath).";
            default:
                return exception.InnerException is { } inner ? Describe(inner) : null;
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

        text.Append(ConfigurationHelp);
        return text.ToString();
    }

    private static List<string>? ValidationFailures(Exception exception) => exception switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)],
        _ => null,
    };

    private static IEnumerable<string> ObjectLevelFailures(IConfiguration configuration)
    {
        foreach (var (type, section) in OptionsCatalog.All.Where(entry => typeof(IValidatableObject).IsAssignableFrom(entry.Type)))
        {
            IEnumerable<ValidationResult> results;
            try
            {
                var options = (IValidatableObject)(configuration.GetSection(section).Get(type) ?? Activator.CreateInstance(type)!);
                results = [.. options.Validate(new ValidationContext(options))];
            }
            catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException)
            {
                continue;
            }

            foreach (var result in results)
            {
                if (result.ErrorMessage is { } message)
                {
                    yield return message;
                }
            }
        }
    }

    private static List<string> UnreadableValues(IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (var (type, section) in OptionsCatalog.All)
        {
            // Property by property: the binder gives up on a class at its first unreadable value.
            foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                         .Where(property => property.CanWrite))
            {
                try
                {
                    configuration.GetSection(section).GetSection(property.Name).Get(property.PropertyType);
                }
                catch (InvalidOperationException exception) when (UnreadableValue(exception) is { } problem)
                {
                    problems.Add(problem);
                }
            }

            problems.AddRange(UnreadableListItems(configuration.GetSection(section), type));
        }

        return [.. problems.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The binder silently skips list items it cannot convert (a guild id pasted as a mention would just vanish, and
    /// commands would register globally), so lists of ids and numbers are checked item by item.
    /// </summary>
    private static IEnumerable<string> UnreadableListItems(IConfigurationSection section, Type optionsType)
    {
        foreach (var property in optionsType.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            var itemType = property.PropertyType.IsGenericType && property.PropertyType.GetGenericArguments() is [var single]
                && typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType)
                ? single
                : null;
            if (itemType is null || !(itemType.IsPrimitive || itemType.IsEnum))
            {
                continue;
            }

            var converter = System.ComponentModel.TypeDescriptor.GetConverter(itemType);
            foreach (var item in section.GetSection(property.Name).GetChildren())
            {
                if (item.Value is { } value && !CanConvert(converter, value))
                {
                    yield return $"{item.Path} cannot be read: it must be {Expected(itemType.FullName!)} " +
                        $"(env {item.Path.Replace(":", "__", StringComparison.Ordinal)})";
                }
            }
        }
    }

    private static bool CanConvert(System.ComponentModel.TypeConverter converter, string value)
    {
        try
        {
            return converter.ConvertFromInvariantString(value) is not null;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or NotSupportedException || exception.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>
    /// The binder's "Failed to convert configuration value … at 'Key' to type 'T'" as a sentence that names the key
    /// and what it should look like. The value itself is left out: it may be a secret pasted into the wrong key.
    /// </summary>
    private static string? UnreadableValue(Exception exception)
    {
        var match = BinderFailure().Match(exception.Message);
        if (!match.Success)
        {
            return null;
        }

        var key = match.Groups["key"].Value;
        return $"{key} cannot be read: it must be {Expected(match.Groups["type"].Value)} (env {key.Replace(":", "__", StringComparison.Ordinal)})";
    }

    private static string Expected(string typeName)
    {
        var type = Type.GetType(typeName) ?? AppDomain.CurrentDomain.GetAssemblies()
            .Select(assembly => assembly.GetType(typeName))
            .FirstOrDefault(found => found is not null);
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (type is null)
        {
            return "a " + typeName;
        }

        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type));
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "true or false",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 => "a whole number",
            TypeCode.UInt64 => "a positive whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
            _ when type == typeof(TimeSpan) => "a time span written as hh:mm:ss, e.g. 00:01:30 (or d.hh:mm:ss for days)",
            _ => "a " + type.Name,
        };
    }

    private static bool IsDatabaseProblem(Exception exception) =>
        exception is StorageVersionException || exception.Message.StartsWith("Could not open the database", StringComparison.Ordinal);

    // DataAnnotation failures read "DataAnnotation validation failed for 'X' members: 'Y' with the error: '...'."
    private static string StripValidatorPrefix(string failure)
    {
        const string marker = "with the error: '";
        var at = failure.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? failure : failure[(at + marker.Length)..].TrimEnd('.', '\'');
    }

    [GeneratedRegex(@"Failed to convert configuration value .* at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex BinderFailure();
}
