using System.Collections.Concurrent;

namespace HiiaPublish.Typesetting.Hyphenation;

/// <summary>
/// Frank Liang's pattern hyphenation over a LibreOffice "hyph_*.dic" file. Immutable after
/// <see cref="Load(TextReader)"/>; build one per language and share it between threads.
/// </summary>
public sealed class LiangHyphenator : IHyphenator
{
    // A paper has a few thousand distinct words; a long-lived instance serving many papers stops
    // caching past this count so memory stays bounded (~10 MB) instead of growing with every word ever seen.
    private const int MaxCachedWords = 100_000;

    // Words longer than this are not real words (a pasted hash, a run of letters); hyphenating them
    // would only cost time, and the line breaker copes with over-long words on its own.
    private const int MaxHyphenatedWordLength = 64;

    private readonly PatternTrie _trie;
    private readonly int _leftMin;
    private readonly int _rightMin;
    private readonly LetterClusterGuard _clusters;
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);

    private LiangHyphenator(PatternTrie trie, int leftMin, int rightMin, LetterClusterGuard clusters)
    {
        _trie = trie;
        _leftMin = leftMin;
        _rightMin = rightMin;
        _clusters = clusters;
    }

    public int LeftMin => _leftMin;
    public int RightMin => _rightMin;

    public static LiangHyphenator Load(TextReader dicFile) => Load(dicFile, []);

    /// <summary>
    /// Loads patterns and never splits inside any of <paramref name="unsplittableClusters"/>: letters that
    /// the language writes with several characters (see <see cref="HungarianLetterClusters"/>).
    /// </summary>
    public static LiangHyphenator Load(TextReader dicFile, IEnumerable<string> unsplittableClusters)
    {
        ArgumentNullException.ThrowIfNull(dicFile);
        var (trie, leftMin, rightMin) = HyphenationDictionaryReader.Read(dicFile);
        return new LiangHyphenator(trie, leftMin, rightMin, new LetterClusterGuard(unsplittableClusters));
    }

    public IReadOnlyList<int> HyphenationPoints(string word)
    {
        if (string.IsNullOrEmpty(word) || word.Length < _leftMin + _rightMin || word.Length > MaxHyphenatedWordLength)
            return [];
        if (_cache.TryGetValue(word, out var cached))
            return cached;
        var points = Compute(word);
        if (_cache.Count < MaxCachedWords)
            _cache.TryAdd(word, points);
        return points;
    }

    private int[] Compute(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsLetter(c))
                return [];
        }
        Span<char> dotted = stackalloc char[word.Length + 2];
        dotted[0] = '.';
        for (var i = 0; i < word.Length; i++)
            dotted[i + 1] = char.ToLowerInvariant(word[i]);
        dotted[^1] = '.';

        Span<byte> levels = stackalloc byte[dotted.Length + 1];
        Span<bool> vetoes = stackalloc bool[dotted.Length + 1];
        levels.Clear();
        vetoes.Clear();
        _trie.Apply(dotted, levels, vetoes);
        Span<bool> insideCluster = stackalloc bool[word.Length];
        insideCluster.Clear();
        _clusters.MarkInside(dotted[1..^1], insideCluster);

        var points = new List<int>();
        for (var split = _leftMin; split <= word.Length - _rightMin; split++)
        {
            // The gap before word[split] is the gap before dotted[split + 1].
            if (levels[split + 1] % 2 == 1 && !vetoes[split + 1] && !insideCluster[split])
                points.Add(split);
        }
        return [.. points];
    }
}
