using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Servers;
using SeedreamBot.Core.Storage;

namespace SeedreamBot.Core.CrashWriter;

/// <summary>
/// Random ledger operations on a few members of two servers with small pools (and operators changing a server's
/// budget now and then), forever; each worker thread has members of its own. After each call returns (committed and
/// written), one line goes to <paramref name="output"/>: <c>hold|settle|release &lt;generation id&gt;</c> or
/// <c>grant|take &lt;reason&gt;</c>, with the log's fsync counters from before and after the call. The crash test checks
/// that every printed operation survived the kill and was followed by an fsync before it was acknowledged, and that
/// members and server pools still agree.
/// </summary>
internal sealed class RandomLedgerWorkload(
    ICreditLedger ledger, ICreditModeration moderation, IServerStore servers, int seed, int worker, OperationReport output,
    Barrier? together = null)
{
    private const ulong Guild = 1;

    private const ulong OtherGuild = 2;

    private static readonly ulong[] Roles = [100, 200];

    public void Run()
    {
        var random = new Random(seed * 100 + worker);
        var members = Enumerable.Range(1, 5)
            .Select(i => new CreditMember(new CreditScope(i == 5 ? OtherGuild : Guild, (ulong)(worker * 10 + i)), i % 2 == 0 ? Roles : []))
            .ToArray();
        var open = new List<string>();
        for (var i = 0L; ; i++)
        {
            // Several workers start each operation together, so their writes meet in the database's queue and share
            // group commits on any machine (left to chance, a fast disk and a busy CPU can serialize them for a while).
            together?.SignalAndWait();
            var member = members[random.Next(members.Length)];
            var tag = $"{seed}-{worker}-{i}";
            var before = output.Counters();
            switch (random.Next(11))
            {
                case < 4:
                    if (ledger.TryHold(member, tag, random.Next(1, 9)).Status == HoldStatus.Placed)
                    {
                        open.Add(tag);
                        output.Report("hold", tag, before);
                    }

                    break;
                case < 6 when open.Count > 0:
                    Close(open, random, settle: true, before);
                    break;
                case < 8 when open.Count > 0:
                    Close(open, random, settle: false, before);
                    break;
                case 8:
                    if (moderation.Grant(9, member, random.Next(1, 20), $"op-{tag}").Succeeded)
                    {
                        output.Report("grant", $"op-{tag}", before);
                    }

                    break;
                case 9:
                    // Not reported: a budget is an operator's setting, not a ledger operation to look for later.
                    servers.SetBudget(random.Next(2) == 0 ? Guild : OtherGuild, 9, random.Next(3) == 0 ? null : random.Next(0, 400));
                    break;
                default:
                    if (moderation.Take(9, member, random.Next(1, 10), $"op-{tag}").Succeeded)
                    {
                        output.Report("take", $"op-{tag}", before);
                    }

                    break;
            }
        }
    }

    private void Close(List<string> open, Random random, bool settle, LogDurability before)
    {
        var index = random.Next(open.Count);
        var generation = open[index];
        open.RemoveAt(index);
        var closed = settle ? ledger.Settle(generation) : ledger.Release(generation, "crash test release");
        if (closed is not null)
        {
            output.Report(settle ? "settle" : "release", generation, before);
        }
    }
}
