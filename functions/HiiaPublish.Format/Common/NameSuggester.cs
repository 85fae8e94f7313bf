namespace HiiaPublish.Format.Common;

/// <summary>Finds the known name an editor most likely meant ("did you mean 'copy_editors'?").</summary>
public static class NameSuggester
{
    /// <summary>
    /// The closest candidate, or null when none is close. Close means at most two edits (typos,
    /// swapped letters, '-' for '_') or the written name being the start of a candidate ("lang").
    /// </summary>
    public static string? Suggest(string written, IEnumerable<string> candidates)
    {
        // No field name is longer than this; comparing a pasted paragraph to each name is wasted work.
        const int LongestSensibleName = 40;
        if (written.Length > LongestSensibleName) return null;
        var normal = Normalise(written);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(normal, Normalise(candidate));
            if (normal.Length >= 3 && candidate.StartsWith(normal, StringComparison.Ordinal)) distance = Math.Min(distance, 2);
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= 2 && bestDistance < Math.Max(written.Length, 1) ? best : null;
    }

    private static string Normalise(string name) =>
        name.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
