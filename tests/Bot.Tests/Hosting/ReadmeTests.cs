using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using SeedreamBot.Bot.Hosting;
using SeedreamBot.Bot.Invite;
using SeedreamBot.Bot.Tests.Operations;

namespace SeedreamBot.Bot.Tests.Hosting;

/// <summary>
/// The README is the operator's manual: it keeps the two commands CI and newcomers rely on, its invite link grants
/// exactly the permissions the bot checks for, and its configuration reference names every setting with the
/// default the code uses and the range its validation allows.
/// </summary>
public sealed partial class ReadmeTests
{
    [SkippableFact]
    public void It_keeps_the_command_that_runs_the_bot_and_the_one_CI_runs_the_tests_with()
    {
        var readme = Readme();

        Assert.Contains("dotnet run --project src/Bot", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test SeedreamBot.sln", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test SeedreamBot.sln", File.ReadAllText(RepositoryRoot.PathOf(".ci", "run")), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_invite_link_and_the_channel_checklist_are_the_permissions_the_bot_needs()
    {
        var readme = Readme();

        var integers = PermissionsInLinks().Matches(readme).Select(match => ulong.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(integers);
        Assert.All(integers, integer => Assert.Equal(InvitePermissions.Integer, integer));
        Assert.Contains(InvitePermissions.InviteUrl(0).Replace("client_id=0", "client_id=APP_ID", StringComparison.Ordinal), readme, StringComparison.Ordinal);
        foreach (var permission in InvitePermissions.Names(InvitePermissions.Required))
        {
            Assert.Contains($"| {permission} |", readme, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Every_setting_has_a_row_with_the_default_the_code_uses_and_the_range_it_accepts()
    {
        var rows = Rows(Readme());
        var problems = new List<string>();
        foreach (var (key, property, defaults) in Settings())
        {
            if (!rows.TryGetValue(key, out var row))
            {
                problems.Add($"{key} has no row in the configuration reference");
                continue;
            }

            var expectedDefault = DefaultText(property.GetValue(defaults));
            if (!row.Default.Contains(expectedDefault, StringComparison.Ordinal))
            {
                problems.Add($"{key}: the default column says '{row.Default}', the code's default is {expectedDefault}");
            }

            if (property.GetCustomAttribute<RangeAttribute>() is { } range && !row.Allowed.Contains(RangeText(range), StringComparison.Ordinal))
            {
                problems.Add($"{key}: the allowed column says '{row.Allowed}', the validation allows {RangeText(range)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [SkippableFact]
    public void The_pages_it_links_to_exist()
    {
        var readme = Readme();

        var missing = LocalLinks().Matches(readme)
            .Select(match => match.Groups[1].Value)
            .Where(target => !File.Exists(RepositoryRoot.PathOf(target.Split('#')[0].Split('/'))))
            .ToList();

        Assert.True(missing.Count == 0, "Broken links: " + string.Join(", ", missing));
    }

    private static string Readme()
    {
        Skip.If(RepositoryRoot.Directory is null, RepositoryRoot.MissingReason);
        return File.ReadAllText(RepositoryRoot.PathOf("README.md"));
    }

    /// <summary>Table rows whose first cell is a setting: key → (default cell, allowed cell).</summary>
    private static Dictionary<string, (string Default, string Allowed)> Rows(string readme)
    {
        var rows = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var line in readme.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Trim('|').Split(" | ").Select(cell => cell.Trim()).ToArray();
            if (cells.Length >= 4 && SettingKey().Match(cells[0]) is { Success: true } key)
            {
                rows[key.Groups[1].Value] = (cells[1], cells[2]);
            }
        }

        return rows;
    }

    private static IEnumerable<(string Key, PropertyInfo Property, object Defaults)> Settings() =>
        OptionsCatalog.All.SelectMany(entry => entry.Type
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod is { IsPublic: true })
            .Select(property => ($"{entry.Section}:{property.Name}", property, Activator.CreateInstance(entry.Type)!)));

    /// <summary>How the README writes a default: code-formatted as configuration takes it, "unset", or "required".</summary>
    private static string DefaultText(object? value) => value switch
    {
        null => "unset",
        "" => "required",
        string text => $"`{text}`",
        bool flag => flag ? "`true`" : "`false`",
        TimeSpan span => $"`{span.ToString("c", CultureInfo.InvariantCulture)}`",
        IDictionary dictionary when dictionary.Count == 0 => "`{}`",
        IEnumerable sequence when !sequence.Cast<object>().Any() => "`[]`",
        IEnumerable<string> texts => "`[" + string.Join(", ", texts.Select(text => $"\"{text}\"")) + "]`",
        IFormattable number => $"`{number.ToString(null, CultureInfo.InvariantCulture)}`",
        _ => $"`{value}`",
    };

    /// <summary>How the README writes a validation range: "1–256", "0–1,000,000", "≥ 1", "00:00:01–00:10:00".</summary>
    private static string RangeText(RangeAttribute range)
    {
        if (range.OperandType == typeof(TimeSpan))
        {
            return $"{range.Minimum}–{range.Maximum}";
        }

        // Range(1, long.MaxValue) arrives as doubles: any maximum from int.MaxValue up means "no upper limit".
        var minimum = Convert.ToDecimal(range.Minimum, CultureInfo.InvariantCulture);
        var maximum = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
        return maximum >= int.MaxValue
            ? $"≥ {minimum.ToString("N0", CultureInfo.InvariantCulture)}"
            : $"{minimum.ToString("N0", CultureInfo.InvariantCulture)}–{((decimal)maximum).ToString("N0", CultureInfo.InvariantCulture)}";
    }

    [GeneratedRegex(@"permissions=(\d+)")]
    private static partial Regex PermissionsInLinks();

    [GeneratedRegex(@"^`([A-Za-z]+:[A-Za-z]+)`$")]
    private static partial Regex SettingKey();

    [GeneratedRegex(@"\]\((?!https?:|#)([^)\s]+)\)")]
    private static partial Regex LocalLinks();
}
