using LiteDB;
using SeedreamBot.Core.Credits;

namespace SeedreamBot.Core.Tests.Credits;

/// <summary>The audit the invariant tests rely on must itself catch broken books.</summary>
public sealed class CreditLedgerAuditTests : IDisposable
{
    private readonly LedgerHarness _harness = new();

    public CreditLedgerAuditTests()
    {
        var member = LedgerHarness.Member(1);
        _harness.Ledger.TryHold(member, "open", 4);
        _harness.Ledger.TryHold(member, "settled", 4);
        _harness.Ledger.Settle("settled");
        _harness.Moderation.Grant(LedgerHarness.Moderator, member, 5);
    }

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Healthy_books_have_no_problems()
    {
        Assert.Empty(_harness.Audit.FindProblems());
    }

    [Fact]
    public void A_balance_that_differs_from_its_entries_is_found()
    {
        Tamper(CreditCollections.Accounts, "500:1", doc => doc["b"] = doc["b"].AsInt32 + 1);

        Assert.Contains(_harness.Audit.FindProblems(), p => p.Contains("entries add up to 37, the balance is 38", StringComparison.Ordinal));
    }

    [Fact]
    public void A_held_amount_that_differs_from_the_open_holds_is_found()
    {
        Tamper(CreditCollections.Holds, "open", doc => doc["st"] = CreditHoldDocuments.Released);

        var problems = _harness.Audit.FindProblems();

        Assert.Contains(problems, p => p.Contains("open holds add up to 0, held is 4", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Hold open is released but has entries [Hold]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_chain_of_entries_is_found()
    {
        _harness.Database.Write(db =>
        {
            var entries = CreditCollections.EntriesIn(db);
            var last = entries.Query().OrderByDescending("_id").First();
            last["bb"] = last["bb"].AsInt32 + 2;
            entries.Update(last);
        });

        var problems = _harness.Audit.FindProblems();

        Assert.Contains(problems, p => p.Contains("+ 5 != 37", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("starts at 34, the previous one ended at 32", StringComparison.Ordinal));
    }

    private void Tamper(string collection, string id, Action<BsonDocument> change) =>
        _harness.Database.Write(db =>
        {
            var documents = db.GetCollection(collection);
            var doc = documents.FindById(id);
            change(doc);
            documents.Update(doc);
        });
}
