using System.ComponentModel.DataAnnotations;

namespace SeedreamBot.Core.Storage;

/// <summary>Where the bot keeps its database and its copies of members' input images (configuration section <c>Storage</c>).</summary>
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

    /// <summary>
    /// The folder of the image store: the bot's copies of images members attached to <c>/imagine</c> and <c>/edit</c>
    /// (Discord's links to those expire within a day and cannot be refreshed), kept for Re-roll and <c>/history</c>.
    /// Null: an <c>images</c> folder beside the database.
    /// </summary>
    public string? ImagesPath { get; set; }

    /// <summary>The most the image store may hold; beyond it the least recently used images go first. Default 2 GiB.</summary>
    [Range(1024L * 1024, long.MaxValue, ErrorMessage = "Storage:ImagesMaxBytes must be at least 1048576 (1 MiB) (default 2147483648, 2 GiB).")]
    public long ImagesMaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>How long an input image is kept after it was last used. Default 30 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00", ErrorMessage = "Storage:ImagesRetention must be between 01:00:00 and 3650.00:00:00 (default 30.00:00:00, 30 days).")]
    public TimeSpan ImagesRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The absolute path of <see cref="DatabasePath"/>.</summary>
    public string ResolveFullPath() => Path.GetFullPath(DatabasePath);

    /// <summary>The absolute path of the image store's folder (<see cref="ImagesPath"/>, or <c>images</c> beside the database).</summary>
    public string ResolveImagesPath() =>
        string.IsNullOrWhiteSpace(ImagesPath)
            ? Path.Combine(Path.GetDirectoryName(ResolveFullPath()) ?? Path.GetFullPath("."), "images")
            : Path.GetFullPath(ImagesPath);

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

        if (!string.IsNullOrWhiteSpace(ImagesPath))
        {
            string? imagesProblem = null;
            try
            {
                if (File.Exists(Path.GetFullPath(ImagesPath)))
                {
                    imagesProblem = $"Storage:ImagesPath '{ImagesPath}' is a file. Point it at a folder, for example data/images, or remove it to use an images folder beside the database.";
                }
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                imagesProblem = $"Storage:ImagesPath '{ImagesPath}' is not a valid path ({ex.Message}). Use a plain folder path such as data/images.";
            }

            if (imagesProblem is not null)
            {
                yield return new ValidationResult(imagesProblem, [nameof(ImagesPath)]);
            }
        }
    }
}
