namespace HiiaPublish.Typesetting.Hyphenation;

/// <summary>
/// Liang's patterns as a trie over characters. A node reached by a pattern's letters holds the
/// pattern's inter-letter levels and, for rules we cannot apply, the positions where a break is vetoed.
/// Built once by <see cref="PatternTrieBuilder"/>; read-only afterwards, so safe to share.
/// </summary>
internal sealed class PatternTrie
{
    // One dictionary keyed by (node, char) keeps the trie compact: ~100k Hungarian patterns
    // would otherwise need a child table per node.
    private readonly Dictionary<long, int> _edges;
    private readonly PatternValues?[] _values;

    internal PatternTrie(Dictionary<long, int> edges, PatternValues?[] values)
    {
        _edges = edges;
        _values = values;
    }

    internal static long EdgeKey(int node, char c) => ((long)node << 16) | c;

    /// <summary>
    /// Applies every pattern that matches inside <paramref name="dotted"/> (the word framed by '.').
    /// levels[k] is the level before dotted[k]; vetoes[k] is set when a break before dotted[k] is forbidden.
    /// </summary>
    public void Apply(ReadOnlySpan<char> dotted, Span<byte> levels, Span<bool> vetoes)
    {
        for (var start = 0; start < dotted.Length; start++)
        {
            var node = 0;
            for (var k = start; k < dotted.Length; k++)
            {
                if (!_edges.TryGetValue(EdgeKey(node, dotted[k]), out node))
                    break;
                if (_values[node] is not { } values)
                    continue;
                for (var v = 0; v < values.Levels.Length; v++)
                {
                    if (values.Levels[v] > levels[start + v])
                        levels[start + v] = values.Levels[v];
                    if (values.Vetoes is not null && values.Vetoes[v])
                        vetoes[start + v] = true;
                }
            }
        }
    }
}

/// <summary>Levels has one entry per gap of the pattern's letters, including both ends.</summary>
internal sealed record PatternValues(byte[] Levels, bool[]? Vetoes);
