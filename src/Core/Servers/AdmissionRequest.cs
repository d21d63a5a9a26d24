namespace SeedreamBot.Core.Servers;

/// <summary>The outcome of <see cref="IServerStore.RequestAdmission"/>.</summary>
/// <param name="Record">The server's record after the call.</param>
/// <param name="IsNew">True only for the call that created the request: the one that tells the operators.</param>
public sealed record AdmissionRequest(ServerRecord Record, bool IsNew);
