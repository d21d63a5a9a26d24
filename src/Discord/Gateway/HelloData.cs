namespace SeedreamBot.Discord.Gateway;

/// <summary>The <c>d</c> of op 10 Hello.</summary>
internal sealed record HelloData(int HeartbeatInterval);
