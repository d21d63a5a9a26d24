using System.Globalization;

namespace SeedreamBot.Discord.Models.Validation;

/// <summary>Collects every broken limit of one request so the caller sees them all at once.</summary>
internal sealed class ValidationErrors
{
    private readonly List<DiscordValidationError> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public void Add(string path, string message) => _errors.Add(new DiscordValidationError(path, message));

    /// <summary>Checks a text's length (in code points) against <paramref name="max"/> and, when given, <paramref name="min"/>.</summary>
    public void Length(string path, string? value, int max, int min = 0)
    {
        if (value is null)
        {
            return;
        }

        var length = TextLength.Of(value);
        if (length > max)
        {
            Add(path, string.Create(CultureInfo.InvariantCulture, $"{length} characters, the limit is {max}"));
        }
        else if (length < min)
        {
            Add(path, min == 1
                ? "must not be empty"
                : string.Create(CultureInfo.InvariantCulture, $"{length} characters, at least {min} are needed"));
        }
    }

    public void Required(string path, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, "is required and must not be blank");
            return;
        }

        Length(path, value, max);
    }

    public void Count<T>(string path, IReadOnlyCollection<T>? items, int max, string what)
    {
        if (items is not null && items.Count > max)
        {
            Add(path, string.Create(CultureInfo.InvariantCulture, $"{items.Count} {what}, the limit is {max}"));
        }
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new DiscordValidationException(_errors.ToArray());
        }
    }
}
