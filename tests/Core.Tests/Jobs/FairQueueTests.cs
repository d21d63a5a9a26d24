using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Jobs;

namespace SeedreamBot.Core.Tests.Jobs;

public sealed class FairQueueTests
{
    private static readonly CreditScope Alice = new(1, 100);
    private static readonly CreditScope Bob = new(1, 200);
    private static readonly CreditScope Carol = new(1, 300);

    [Fact]
    public void Members_take_turns_even_when_one_asked_first_for_many()
    {
        var queue = new FairQueue(maxRunningPerMember: 10);
        queue.Enqueue("a1", Alice);
        queue.Enqueue("a2", Alice);
        queue.Enqueue("a3", Alice);
        queue.Enqueue("b1", Bob);
        queue.Enqueue("c1", Carol);

        var order = DrainIds(queue);

        Assert.Equal(["a1", "b1", "c1", "a2", "a3"], order);
    }

    [Fact]
    public void A_member_at_the_running_limit_is_skipped_until_a_slot_frees()
    {
        var queue = new FairQueue(maxRunningPerMember: 2);
        queue.Enqueue("a1", Alice);
        queue.Enqueue("a2", Alice);
        queue.Enqueue("a3", Alice);

        Assert.True(queue.TryDequeue(out var first, out _));
        Assert.True(queue.TryDequeue(out var second, out _));
        Assert.False(queue.TryDequeue(out _, out _));
        Assert.Equal(("a1", "a2"), (first, second));

        queue.Complete(Alice);

        Assert.True(queue.TryDequeue(out var third, out var member));
        Assert.Equal("a3", third);
        Assert.Equal(Alice, member);
    }

    [Fact]
    public void A_waiting_member_keeps_its_turn_while_blocked_by_its_own_limit()
    {
        var queue = new FairQueue(maxRunningPerMember: 1);
        queue.Enqueue("a1", Alice);
        queue.Enqueue("a2", Alice);
        queue.Enqueue("b1", Bob);
        queue.Enqueue("b2", Bob);

        Assert.True(queue.TryDequeue(out var first, out _)); // a1
        Assert.True(queue.TryDequeue(out var second, out _)); // b1
        Assert.False(queue.TryDequeue(out _, out _));

        queue.Complete(Alice);
        queue.Complete(Bob);

        Assert.True(queue.TryDequeue(out var third, out _));
        Assert.True(queue.TryDequeue(out var fourth, out _));
        Assert.Equal(["a1", "b1", "a2", "b2"], new[] { first, second, third, fourth });
    }

    [Fact]
    public void Positions_interleave_members_in_turn_order()
    {
        var queue = new FairQueue(maxRunningPerMember: 2);
        queue.Enqueue("a1", Alice);
        queue.Enqueue("a2", Alice);
        queue.Enqueue("a3", Alice);
        queue.Enqueue("b1", Bob);

        var positions = queue.Positions();

        Assert.Equal(1, positions["a1"]);
        Assert.Equal(2, positions["b1"]);
        Assert.Equal(3, positions["a2"]);
        Assert.Equal(4, positions["a3"]);
    }

    [Fact]
    public void Counts_include_waiting_and_running_per_member()
    {
        var queue = new FairQueue(maxRunningPerMember: 1);
        queue.Enqueue("a1", Alice);
        queue.Enqueue("a2", Alice);
        queue.Enqueue("b1", Bob);
        Assert.True(queue.TryDequeue(out _, out _));

        Assert.Equal(2, queue.CountFor(Alice));
        Assert.Equal(1, queue.CountFor(Bob));
        Assert.Equal(0, queue.CountFor(Carol));
        Assert.Equal(2, queue.WaitingCount);
        Assert.Equal(1, queue.RunningCount);
    }

    [Fact]
    public void Removing_a_waiting_generation_takes_it_out_of_line()
    {
        var queue = new FairQueue(maxRunningPerMember: 5);
        queue.Enqueue("a1", Alice);
        queue.Enqueue("b1", Bob);

        Assert.True(queue.Remove("a1", Alice));
        Assert.False(queue.Remove("a1", Alice));

        Assert.Equal(["b1"], DrainIds(queue));
        Assert.Equal(0, queue.CountFor(Alice));
    }

    [Fact]
    public async Task Concurrent_producers_and_consumers_lose_nothing_and_respect_the_member_limit()
    {
        const int members = 8;
        const int perMember = 200;
        const int limit = 2;
        var queue = new FairQueue(maxRunningPerMember: limit);
        var taken = new System.Collections.Concurrent.ConcurrentBag<string>();
        var running = new int[members];
        var maxSeen = new int[members];

        var producers = Enumerable.Range(0, members).Select(m => Task.Run(() =>
        {
            for (var i = 0; i < perMember; i++)
            {
                queue.Enqueue($"{m}-{i}", new CreditScope(1, (ulong)m));
            }
        })).ToArray();

        // Each consumer keeps what it takes running while it takes more, up to three per member: far more than the
        // limit allows, so without the limit one member's count would go past it at once. A consumer counts a job as
        // running after the queue does and stops counting it before the queue does, so it never over-counts.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var consumers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var held = new List<CreditScope>();
            while (taken.Count < members * perMember && DateTime.UtcNow < deadline)
            {
                while (held.Count < members * (limit + 1) && queue.TryDequeue(out var id, out var member))
                {
                    var index = (int)member.UserId;
                    InterlockedMax(ref maxSeen[index], Interlocked.Increment(ref running[index]));
                    held.Add(member);
                    taken.Add(id);
                }

                if (held.Count == 0)
                {
                    Thread.Yield();
                }

                foreach (var member in held)
                {
                    Interlocked.Decrement(ref running[(int)member.UserId]);
                    queue.Complete(member);
                }

                held.Clear();
            }
        })).ToArray();

        await Task.WhenAll([.. producers, .. consumers]);

        Assert.Equal(members * perMember, taken.Count);
        Assert.Equal(members * perMember, taken.Distinct().Count());

        // Every member reached the limit (the test really pushed against it) and none went past it.
        Assert.All(maxSeen, max => Assert.Equal(limit, max));
        Assert.Equal(0, queue.WaitingCount);
        Assert.Equal(0, queue.RunningCount);
    }

    [Fact]
    public void A_member_served_and_back_later_joins_the_back_of_the_turn_order()
    {
        var queue = new FairQueue(maxRunningPerMember: 10);
        queue.Enqueue("a1", Alice);
        Assert.True(queue.TryDequeue(out _, out _)); // Alice has nothing left waiting: she leaves the turn order.
        queue.Enqueue("b1", Bob);
        queue.Enqueue("b2", Bob);
        queue.Enqueue("a2", Alice);

        Assert.Equal(2, queue.Positions()["a2"]);
        Assert.Equal(["b1", "a2", "b2"], DrainIds(queue));
    }

    [Fact]
    public void Removing_one_of_several_waiting_generations_keeps_the_rest_in_line_and_the_turn()
    {
        var queue = new FairQueue(maxRunningPerMember: 10);
        queue.Enqueue("a1", Alice);
        queue.Enqueue("a2", Alice);
        queue.Enqueue("b1", Bob);

        Assert.True(queue.Remove("a1", Alice));

        Assert.Equal(["a2", "b1"], DrainIds(queue));
    }

    [Fact]
    public void A_member_whose_last_waiting_generation_was_removed_rejoins_at_the_back()
    {
        var queue = new FairQueue(maxRunningPerMember: 10);
        queue.Enqueue("a1", Alice);
        queue.Enqueue("b1", Bob);
        Assert.True(queue.Remove("a1", Alice));
        queue.Enqueue("a2", Alice);

        Assert.Equal(["b1", "a2"], DrainIds(queue));
    }

    [Fact]
    public void Removing_a_waiting_generation_keeps_counting_the_member_s_running_one()
    {
        var queue = new FairQueue(maxRunningPerMember: 1);
        queue.Enqueue("a1", Alice);
        queue.Enqueue("a2", Alice);
        Assert.True(queue.TryDequeue(out _, out _)); // a1 runs

        Assert.True(queue.Remove("a2", Alice));
        queue.Enqueue("a3", Alice);

        Assert.Equal(2, queue.CountFor(Alice));
        Assert.False(queue.TryDequeue(out _, out _)); // a1 still holds Alice's only slot
        queue.Complete(Alice);
        Assert.True(queue.TryDequeue(out var next, out _));
        Assert.Equal("a3", next);
    }

    [Fact]
    public void Completing_more_than_was_running_frees_no_extra_slot_and_unknown_members_are_ignored()
    {
        var queue = new FairQueue(maxRunningPerMember: 1);
        queue.Complete(Carol); // never queued: nothing to do, nothing thrown
        queue.Enqueue("a1", Alice);
        queue.Enqueue("a2", Alice);
        queue.Enqueue("a3", Alice);
        Assert.True(queue.TryDequeue(out _, out _));
        queue.Complete(Alice);
        Assert.True(queue.TryDequeue(out _, out _)); // a2 runs

        queue.Complete(Carol);
        Assert.False(queue.TryDequeue(out var none, out _)); // Alice is at her limit again
        Assert.Equal("", none);

        // A second completion for a single running job (a duplicate) must not let two of hers run at once.
        queue.Complete(Alice);
        queue.Complete(Alice);
        Assert.True(queue.TryDequeue(out _, out _)); // a3 runs
        queue.Enqueue("a4", Alice);
        Assert.False(queue.TryDequeue(out _, out _));
        Assert.Equal(1, queue.RunningCount);
    }

    [Fact]
    public void Unfinished_counts_waiting_and_running_of_every_member()
    {
        var queue = new FairQueue(maxRunningPerMember: 1);
        queue.Enqueue("a1", Alice);
        queue.Enqueue("a2", Alice);
        queue.Enqueue("b1", Bob);
        Assert.True(queue.TryDequeue(out _, out _));

        Assert.Equal(3, queue.UnfinishedCount);
    }

    [Fact]
    public void A_running_limit_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FairQueue(maxRunningPerMember: 0));
    }

    private static List<string> DrainIds(FairQueue queue)
    {
        var ids = new List<string>();
        while (queue.TryDequeue(out var id, out var member))
        {
            ids.Add(id);
            queue.Complete(member);
        }

        return ids;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value
               && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
