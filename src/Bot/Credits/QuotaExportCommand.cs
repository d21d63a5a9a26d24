using System.Globalization;
using System.Text;
using Humanizer;
using Microsoft.Extensions.Logging;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// <c>/quota export</c>: the guild's whole ledger as a CSV attachment (<c>ledger-{guild}-{yyyy-MM-dd}.csv</c>,
/// text/csv) in a private reply. Over the interaction's <c>attachment_size_limit</c> it is gzip-compressed
/// (<c>.csv.gz</c>); over even then, the newest entries that fit are sent and the reply says so. The export streams
/// from the database to a temporary file and from there to Discord, never whole in memory.
/// </summary>
public sealed partial class QuotaExportCommand
{
    /// <summary>Discord's upload limit without boosts, when an interaction does not say.</summary>
    public const long DefaultUploadLimit = 10 * 1024 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly ICreditModeration _moderation;
    private readonly TimeProvider _time;
    private readonly ILogger<QuotaExportCommand> _logger;

    public QuotaExportCommand(ICreditModeration moderation, TimeProvider time, ILogger<QuotaExportCommand> logger)
    {
        _moderation = moderation;
        _time = time;
        _logger = logger;
    }

    public async Task HandleAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = context.Culture;

        // A large ledger takes a while to read and upload; the deferral keeps the interaction alive meanwhile.
        await context.DeferAsync(privately: true).ConfigureAwait(false);

        // Written to a temporary file and uploaded from it: memory stays flat however long the ledger is.
        var folder = Directory.CreateTempSubdirectory("seedreambot-export-").FullName;
        try
        {
            var csvPath = Path.Combine(folder, "ledger.csv");
            int entries;
            await using (var stream = new FileStream(csvPath, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            await using (var writer = new StreamWriter(stream, Utf8, 64 * 1024))
            {
                entries = await _moderation.ExportCsvAsync(context.GuildId, writer, context.CancellationToken).ConfigureAwait(false);
            }

            if (entries == 0)
            {
                await context.ReplyPrivatelyAsync(BotText.Get(culture, "ExportEmpty")).ConfigureAwait(false);
                return;
            }

            var csvBytes = new FileInfo(csvPath).Length;
            var limit = context.Interaction.AttachmentSizeLimit ?? DefaultUploadLimit;
            var baseName = string.Create(CultureInfo.InvariantCulture, $"ledger-{context.GuildId}-{_time.GetUtcNow():yyyy-MM-dd}");
            var file = await LedgerFile.FitAsync(csvPath, entries, limit, baseName, context.CancellationToken).ConfigureAwait(false);
            var size = csvBytes.Bytes().Humanize(culture);
            var limitText = limit.Bytes().Humanize(culture);
            LogExported(context.GuildId, entries, csvBytes, file?.Kind);
            if (file is null)
            {
                await context.ReplyPrivatelyAsync(BotText.Format(culture, "ExportTooLarge", size, limitText)).ConfigureAwait(false);
                return;
            }

            var text = file.Kind switch
            {
                LedgerFileKind.Full => BotText.Format(culture, "ExportDone", BotText.Quantity(culture, "Entry", entries), size),
                LedgerFileKind.Compressed => BotText.Format(culture, "ExportCompressed", BotText.Quantity(culture, "Entry", entries), size, limitText),
                _ => BotText.Format(culture, "ExportNewest", CreditText.Number(file.Entries, culture), BotText.Quantity(culture, "Entry", entries), size, limitText),
            };
            await context.ReplyAsync(new MessageEdit { Content = "📤 " + text, AllowedMentions = AllowedMentions.None }, [file.File])
                .ConfigureAwait(false);
        }
        finally
        {
            DeleteQuietly(folder);
        }
    }

    private void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogCleanupFailed(exception, folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The temporary export folder {Folder} could not be deleted")]
    private partial void LogCleanupFailed(Exception exception, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Exported the ledger of guild {GuildId}: {Entries} entries, {Bytes} bytes, sent as {Kind}")]
    private partial void LogExported(ulong guildId, int entries, long bytes, LedgerFileKind? kind);
}
