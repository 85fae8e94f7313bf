namespace HiiaPublish.Typesetting.Hyphenation;

/// <summary>
/// Hungarian letters written with two or three characters, and their doubled (long) forms.
/// Hungarian splits a doubled long letter by writing it out twice (asszony → asz-szony, meccs → mecs-cset);
/// <see cref="IHyphenator"/> can only report split points, so a split inside such a cluster would always be
/// misspelt (as-szony, ass-zony). Keeping them whole costs a few break opportunities and never a wrong one.
/// </summary>
public static class HungarianLetterClusters
{
    public static IReadOnlyList<string> All { get; } =
    [
        "cs", "dz", "dzs", "gy", "ly", "ny", "sz", "ty", "zs",
        "ccs", "ddz", "ddzs", "ggy", "lly", "nny", "ssz", "tty", "zzs",
    ];
}
