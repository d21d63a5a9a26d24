using LiteDB;

namespace SeedreamBot.Core.Storage;

/// <summary>A write with a result.</summary>
internal sealed class WriteRequest<T>(Func<LiteDatabase, T> work) : WriteRequest
{
    public T Result { get; private set; } = default!;

    public override void Run(LiteDatabase database) => Result = work(database);
}
