using LiteDB;

namespace SeedreamBot.Core.Storage;

/// <summary>
/// One forward step of the database schema. <paramref name="Apply"/> runs inside a transaction and must be
/// idempotent: LiteDB cannot change <c>UserVersion</c> inside that transaction, so a crash between the two makes the
/// step run again at the next start.
/// </summary>
/// <param name="Version">The schema version the database has after this step (1, 2, 3, … without gaps).</param>
/// <param name="Description">What the step does, for the log.</param>
/// <param name="Apply">The change.</param>
public sealed record SchemaMigration(int Version, string Description, Action<LiteDatabase> Apply);
