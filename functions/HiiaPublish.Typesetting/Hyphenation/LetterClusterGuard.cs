namespace HiiaPublish.Typesetting.Hyphenation;

/// <summary>
/// Reads a word as a sequence of letters, where a letter may be a cluster of characters ("sz", "ssz"),
/// and tells which split points fall inside a cluster.
/// </summary>
internal sealed class LetterClusterGuard
{
    // Longest first, so "ssz" wins over "sz" at the same position.
    private readonly string[] _clusters;

    public LetterClusterGuard(IEnumerable<string> clusters) =>
        _clusters = [.. clusters.Where(c => c.Length > 1).Select(c => c.ToLowerInvariant()).Distinct()
            .OrderByDescending(c => c.Length).ThenBy(c => c, StringComparer.Ordinal)];

    /// <summary>
    /// Sets inside[k] when splitting before lowerWord[k] would cut a cluster. The word is read left to
    /// right taking the longest cluster at each position, as a reader does: "egészség" is e-g-é-sz-s-é-g, so
    /// egész-ség stays allowed although "zs" appears in it, while "asszony" is a-ssz-o-ny.
    /// </summary>
    public void MarkInside(ReadOnlySpan<char> lowerWord, Span<bool> inside)
    {
        if (_clusters.Length == 0)
            return;
        var i = 0;
        while (i < lowerWord.Length)
        {
            var length = ClusterLengthAt(lowerWord, i);
            for (var k = i + 1; k < i + length; k++)
                inside[k] = true;
            i += length;
        }
    }

    private int ClusterLengthAt(ReadOnlySpan<char> word, int start)
    {
        foreach (var cluster in _clusters)
        {
            if (word[start..].StartsWith(cluster))
                return cluster.Length;
        }
        return 1;
    }
}
