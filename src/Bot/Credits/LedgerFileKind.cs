namespace SeedreamBot.Bot.Credits;

/// <summary>How the ledger export was made to fit the interaction's upload limit.</summary>
public enum LedgerFileKind
{
    /// <summary>The whole ledger as plain CSV.</summary>
    Full,

    /// <summary>The whole ledger, gzip-compressed (<c>.csv.gz</c>), because plain CSV was over the limit.</summary>
    Compressed,

    /// <summary>Only the newest entries that fit, as plain CSV, because even compressed it was over the limit.</summary>
    Newest,
}
