using System.ComponentModel.DataAnnotations;

namespace SeedreamBot.Core.Storage;

/// <summary>Where the bot keeps its database (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    public const string DefaultDatabasePath = "data/seedreambot.db";

    /// <summary>
    /// The LiteDB file. Relative paths resolve against the current directory; the folder is created when missing.
    /// LiteDB keeps its write-ahead log beside it as <c>&lt;name&gt;-log&lt;ext&gt;</c>: back up both while the bot runs.
    /// </summary>
    [Required(ErrorMessage = "Storage:DatabasePath is empty. Set it to the file the bot keeps its credits in, " +
        "for example data/seedreambot.db (env Storage__DatabasePath).")]
    public string DatabasePath { get; set; } = DefaultDatabasePath;

    /// <summary>The absolute path of <see cref="DatabasePath"/>.</summary>
    public string ResolveFullPath() => Path.GetFullPath(DatabasePath);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            // [Required] reports this one.
            yield break;
        }

        string? problem = null;
        try
        {
            var full = ResolveFullPath();
            if (Directory.Exists(full))
            {
                problem = "Storage:DatabasePath is a folder. Point it at a file inside it, " +
                    "for example data/seedreambot.db.";
            }
            else if (DatabasePath.EndsWith(Path.DirectorySeparatorChar) || DatabasePath.EndsWith(Path.AltDirectorySeparatorChar))
            {
                problem = "Storage:DatabasePath ends with a separator. Add a file name, " +
                    "for example data/seedreambot.db.";
            }
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            problem = "Storage:DatabasePath is not a valid path. " +
                "Use a plain file path such as data/seedreambot.db.";
        }

        if (problem is not null)
        {
            yield return new ValidationResult(problem, [nameof(DatabasePath)]);
        }
    }
}
