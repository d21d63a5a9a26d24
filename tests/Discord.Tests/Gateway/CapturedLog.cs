using Microsoft.Extensions.Logging;

namespace SeedreamBot.Discord.Tests.Gateway;

internal sealed record CapturedLog(LogLevel Level, string Category, string Message, Exception? Exception);
