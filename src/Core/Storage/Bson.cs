using LiteDB;

namespace SeedreamBot.Core.Storage;

/// <summary>
/// Conversions for hand-written documents. Snowflakes are stored as Int64 (BSON has no unsigned type; Discord ids
/// stay below 2^63). LiteDB hands dates back in local time with millisecond precision, so reads convert to UTC.
/// </summary>
internal static class Bson
{
    public static BsonValue Id(ulong id) => new(unchecked((long)id));

    public static ulong ToUlong(BsonValue value) => unchecked((ulong)value.AsInt64);

    public static ulong? ToNullableUlong(BsonValue value) => value.IsNull ? null : ToUlong(value);

    public static BsonValue FromNullableUlong(ulong? id) => id is { } value ? Id(value) : BsonValue.Null;

    public static BsonValue Time(DateTimeOffset time) => new(time.UtcDateTime);

    public static DateTimeOffset ToOffset(BsonValue value) =>
        new(DateTime.SpecifyKind(value.AsDateTime.ToUniversalTime(), DateTimeKind.Utc), TimeSpan.Zero);

    public static string? ToNullableString(BsonValue value) => value.IsNull ? null : value.AsString;

    public static BsonValue FromNullableString(string? text) => text is null ? BsonValue.Null : new BsonValue(text);
}
