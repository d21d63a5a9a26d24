namespace SeedreamBot.Bot.Operators;

/// <summary>
/// The custom ids of the operators' buttons: <c>op:approve:{guild id}</c> and <c>op:decline:{guild id}</c>. The server
/// is all the state a button needs, so requests keep working after restarts.
/// </summary>
public static class OperatorButtons
{
    public const string Prefix = "op";
    public const string Approve = "approve";
    public const string Decline = "decline";
}
