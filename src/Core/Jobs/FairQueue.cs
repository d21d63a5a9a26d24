using SeedreamBot.Core.Credits;

namespace SeedreamBot.Core.Jobs;

/// <summary>
/// Waiting generations, served round-robin between members so that one member with many requests cannot starve
/// the others, and never more than a per-member number running at once. Thread-safe.
/// </summary>
public sealed class FairQueue
{
    private readonly object _gate = new();
    private readonly int _maxRunningPerMember;

    // Members in turn order; the one at the front is served next. A member leaves the ring when it has nothing
    // waiting and rejoins at the back, which is what makes the order fair.
    private readonly LinkedList<CreditScope> _ring = new();
    private readonly Dictionary<CreditScope, MemberLine> _lines = [];

    public FairQueue(int maxRunningPerMember)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRunningPerMember, 1);
        _maxRunningPerMember = maxRunningPerMember;
    }

    /// <summary>Generations waiting (not running).</summary>
    public int WaitingCount
    {
        get
        {
            lock (_gate)
            {
                return _lines.Values.Sum(line => line.Waiting.Count);
            }
        }
    }

    /// <summary>Generations taken from the queue and not yet completed.</summary>
    public int RunningCount
    {
        get
        {
            lock (_gate)
            {
                return _lines.Values.Sum(line => line.Running);
            }
        }
    }

    /// <summary>Waiting plus running generations, read at one moment (one moving from waiting to running is never missed).</summary>
    public int UnfinishedCount
    {
        get
        {
            lock (_gate)
            {
                return _lines.Values.Sum(line => line.Waiting.Count + line.Running);
            }
        }
    }

    public void Enqueue(string generationId, CreditScope member)
    {
        lock (_gate)
        {
            var line = LineOf(member);
            line.Waiting.AddLast(generationId);
            if (line.RingNode is null)
            {
                line.RingNode = _ring.AddLast(member);
            }
        }
    }

    /// <summary>
    /// Takes the next generation whose member is below the running limit, going round the members in turn.
    /// The caller must call <see cref="Complete"/> for it when it ends.
    /// </summary>
    public bool TryDequeue(out string generationId, out CreditScope member)
    {
        lock (_gate)
        {
            for (var node = _ring.First; node is not null; node = node.Next)
            {
                var line = _lines[node.Value];
                if (line.Running >= _maxRunningPerMember || line.Waiting.First is null)
                {
                    continue;
                }

                generationId = line.Waiting.First.Value;
                member = node.Value;
                line.Waiting.RemoveFirst();
                line.Running++;

                // Served: go to the back of the turn order, or leave it when nothing else waits.
                _ring.Remove(node);
                line.RingNode = line.Waiting.Count > 0 ? _ring.AddLast(node.Value) : null;
                return true;
            }

            generationId = "";
            member = default;
            return false;
        }
    }

    /// <summary>Marks one running generation of <paramref name="member"/> as ended, freeing its slot.</summary>
    public void Complete(CreditScope member)
    {
        lock (_gate)
        {
            if (_lines.TryGetValue(member, out var line) && line.Running > 0)
            {
                line.Running--;
                Forget(member, line);
            }
        }
    }

    /// <summary>Removes a waiting generation (e.g. when the bot gives up on it); false when it was not waiting.</summary>
    public bool Remove(string generationId, CreditScope member)
    {
        lock (_gate)
        {
            if (!_lines.TryGetValue(member, out var line) || !line.Waiting.Remove(generationId))
            {
                return false;
            }

            if (line.Waiting.Count == 0 && line.RingNode is not null)
            {
                _ring.Remove(line.RingNode);
                line.RingNode = null;
            }

            Forget(member, line);
            return true;
        }
    }

    /// <summary>Waiting plus running generations of one member.</summary>
    public int CountFor(CreditScope member)
    {
        lock (_gate)
        {
            return _lines.TryGetValue(member, out var line) ? line.Waiting.Count + line.Running : 0;
        }
    }

    /// <summary>
    /// The order in which the waiting generations will start, 1-based, if every member took one turn after the
    /// other. Running limits can reorder it slightly; it is what the queue message shows.
    /// </summary>
    public IReadOnlyDictionary<string, int> Positions()
    {
        lock (_gate)
        {
            var positions = new Dictionary<string, int>();
            var cursors = _ring.Select(member => _lines[member].Waiting.First).ToList();
            var position = 0;
            bool any;
            do
            {
                any = false;
                for (var i = 0; i < cursors.Count; i++)
                {
                    if (cursors[i] is { } cursor)
                    {
                        positions[cursor.Value] = ++position;
                        cursors[i] = cursor.Next;
                        any = true;
                    }
                }
            }
            while (any);

            return positions;
        }
    }

    private MemberLine LineOf(CreditScope member)
    {
        if (!_lines.TryGetValue(member, out var line))
        {
            line = new MemberLine();
            _lines[member] = line;
        }

        return line;
    }

    private void Forget(CreditScope member, MemberLine line)
    {
        if (line.Running == 0 && line.Waiting.Count == 0 && line.RingNode is null)
        {
            _lines.Remove(member);
        }
    }

    private sealed class MemberLine
    {
        public LinkedList<string> Waiting { get; } = new();

        public int Running { get; set; }

        public LinkedListNode<CreditScope>? RingNode { get; set; }
    }
}
