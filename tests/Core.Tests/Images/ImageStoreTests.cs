using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SeedreamBot.Core.Images;
using SeedreamBot.Core.Storage;
using SeedreamBot.Core.Tests.Storage;
using SeedreamBot.Fakes.Apiframe;

namespace SeedreamBot.Core.Tests.Images;

public sealed class ImageStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task An_image_is_kept_under_its_content_address_and_the_same_image_once()
    {
        var store = Store();
        var png = FakeImages.Png(8, 8, seed: 1);

        var first = await store.SaveAsync(png, CancellationToken.None);
        var second = await store.SaveAsync(png.ToArray(), CancellationToken.None);

        Assert.Equal(first.Hash, second.Hash);
        Assert.Equal(64, first.Hash.Length);
        Assert.Equal(ImageKind.Png, first.Kind);
        Assert.Single(Directory.EnumerateFiles(store.Root, "*", SearchOption.AllDirectories));
        Assert.Equal(png, await store.ReadAsync(first.Hash, CancellationToken.None));
    }

    [Fact]
    public void By_default_the_store_is_an_images_folder_beside_the_database()
    {
        var store = Store();

        Assert.Equal(Path.Combine(_folder.FullPath, "images"), store.Root);
    }

    [Fact]
    public async Task An_image_unused_for_the_retention_is_gone_and_a_used_one_stays()
    {
        var store = Store(retention: TimeSpan.FromDays(30));
        var kept = await store.SaveAsync(FakeImages.Png(8, 8, seed: 1), CancellationToken.None);
        var forgotten = await store.SaveAsync(FakeImages.Png(8, 8, seed: 2), CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(20));
        Assert.NotNull(store.Find(kept.Hash)); // used: its 30 days start again
        _time.Advance(TimeSpan.FromDays(15));

        Assert.NotNull(store.Find(kept.Hash));
        Assert.Null(store.Find(forgotten.Hash));
        var trim = store.Trim();
        Assert.Equal((1, 0, 1), (trim.Expired, trim.Evicted, trim.Kept));
        Assert.Null(await store.ReadAsync(forgotten.Hash, CancellationToken.None));
    }

    [Fact]
    public async Task Over_the_byte_limit_the_least_recently_used_go_first()
    {
        var images = Enumerable.Range(1, 4).Select(seed => FakeImages.Png(180, 180, seed, noise: true)).ToArray();
        var store = Store(maxBytes: images[0].Length * 3L + 100);
        var stored = new List<StoredImage>();
        foreach (var image in images[..3])
        {
            stored.Add(await store.SaveAsync(image, CancellationToken.None));
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.NotNull(store.Find(stored[0].Hash)); // now the most recently used
        _time.Advance(TimeSpan.FromMinutes(1));
        var fourth = await store.SaveAsync(images[3], CancellationToken.None);

        Assert.NotNull(store.Find(stored[0].Hash));
        Assert.Null(store.Find(stored[1].Hash));
        Assert.NotNull(store.Find(stored[2].Hash));
        Assert.NotNull(store.Find(fourth.Hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    public async Task Anything_but_a_content_address_finds_nothing(string hash)
    {
        var store = Store();

        Assert.Null(store.Find(hash));
        Assert.Null(await store.ReadAsync(hash, CancellationToken.None));
    }

    [Fact]
    public async Task Only_images_are_stored()
    {
        var store = Store();

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync("not an image"u8.ToArray(), CancellationToken.None));
    }

    private ImageStore Store(long maxBytes = 2L * 1024 * 1024 * 1024, TimeSpan? retention = null) =>
        new(
            Options.Create(new StorageOptions
            {
                DatabasePath = _folder.File("bot.db"),
                ImagesMaxBytes = maxBytes,
                ImagesRetention = retention ?? TimeSpan.FromDays(30),
            }),
            _time,
            NullLogger<ImageStore>.Instance);
}
