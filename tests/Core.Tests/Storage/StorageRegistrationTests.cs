using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.Tests.Storage;

public sealed class StorageRegistrationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AddSeedreamStorage_opens_the_configured_file_as_a_singleton()
    {
        var path = _folder.File("configured.db");
        using var provider = Build(new() { ["Storage:DatabasePath"] = path });

        var database = provider.GetRequiredService<SeedreamDatabase>();

        Assert.Same(database, provider.GetRequiredService<SeedreamDatabase>());
        Assert.Equal(path, database.FullPath);
        Assert.True(database.IsWritable());
    }

    [Fact]
    public void The_default_path_is_data_seedreambot_db_resolved_against_the_current_directory()
    {
        var options = new StorageOptions();

        Assert.Equal("data/seedreambot.db", options.DatabasePath);
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "data", "seedreambot.db"), options.ResolveFullPath());
    }

    [Theory]
    [InlineData("", "Storage:DatabasePath is empty")]
    [InlineData("   ", "Storage:DatabasePath is empty")]
    [InlineData("data/", "ends with a separator")]
    public void Invalid_paths_are_refused_with_a_message_naming_the_setting(string path, string expected)
    {
        using var provider = Build(new() { ["Storage:DatabasePath"] = path });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_is_refused_with_an_example_file_and_without_repeating_the_path()
    {
        using var provider = Build(new() { ["Storage:DatabasePath"] = _folder.FullPath });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("is a folder", failure.Message, StringComparison.Ordinal);
        Assert.Contains("for example data/seedreambot.db", failure.Message, StringComparison.Ordinal);

        // A path may hold a user name or a secret pasted into the wrong key: the explanation never repeats it.
        Assert.DoesNotContain(_folder.FullPath, failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSeedreamStorage(configuration);
        return services.BuildServiceProvider();
    }
}
