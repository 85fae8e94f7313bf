namespace HiiaPublish.Typesetting.Hyphenation;

/// <summary>Accumulates patterns (letters plus levels) into a <see cref="PatternTrie"/>.</summary>
internal sealed class PatternTrieBuilder
{
    private readonly Dictionary<long, int> _edges = [];
    private readonly List<PatternValues?> _values = [null];

    public void Add(ReadOnlySpan<char> letters, byte[] levels) => Merge(letters, levels, vetoes: null);

    public void AddVetoes(ReadOnlySpan<char> letters, bool[] vetoes) => Merge(letters, new byte[letters.Length + 1], vetoes);

    /// <summary>Hands the edges over to the trie (no copy: the Hungarian set has ~1M of them); use a builder once.</summary>
    public PatternTrie Build() => new(_edges, [.. _values]);

    private void Merge(ReadOnlySpan<char> letters, byte[] levels, bool[]? vetoes)
    {
        var node = NodeFor(letters);
        if (_values[node] is not { } existing)
        {
            _values[node] = new PatternValues(levels, vetoes);
            return;
        }
        // The same letters can come from a standard and a non-standard rule: keep the stronger level and every veto.
        var mergedLevels = new byte[levels.Length];
        for (var i = 0; i < levels.Length; i++)
            mergedLevels[i] = Math.Max(levels[i], existing.Levels[i]);
        bool[]? mergedVetoes = null;
        if (vetoes is not null || existing.Vetoes is not null)
        {
            mergedVetoes = new bool[levels.Length];
            for (var i = 0; i < levels.Length; i++)
                mergedVetoes[i] = (vetoes?[i] ?? false) || (existing.Vetoes?[i] ?? false);
        }
        _values[node] = new PatternValues(mergedLevels, mergedVetoes);
    }

    private int NodeFor(ReadOnlySpan<char> letters)
    {
        var node = 0;
        foreach (var c in letters)
        {
            var key = PatternTrie.EdgeKey(node, c);
            if (!_edges.TryGetValue(key, out var next))
            {
                next = _values.Count;
                _values.Add(null);
                _edges[key] = next;
            }
            node = next;
        }
        return node;
    }
}
