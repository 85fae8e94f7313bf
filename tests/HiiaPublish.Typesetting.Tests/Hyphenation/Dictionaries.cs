using HiiaPublish.Typesetting.Hyphenation;

namespace HiiaPublish.Typesetting.Tests.Hyphenation;

/// <summary>The bundled pattern files, loaded once for all tests (as the pipeline does).</summary>
internal static class Dictionaries
{
    private static readonly Lazy<LiangHyphenator> LazyEnglish = new(() => Load("hyph_en_US.dic", []));
    private static readonly Lazy<LiangHyphenator> LazyHungarian = new(() => Load("hyph_hu_HU.dic", HungarianLetterClusters.All));

    public static LiangHyphenator English => LazyEnglish.Value;
    public static LiangHyphenator Hungarian => LazyHungarian.Value;

    public static LiangHyphenator Load(string file, IEnumerable<string> clusters)
    {
        using var reader = new StreamReader(RepositoryFiles.HyphenationDictionary(file), System.Text.Encoding.UTF8);
        return LiangHyphenator.Load(reader, clusters);
    }

    /// <summary>The word with '-' at every hyphenation point, e.g. "hy-phen-ation".</summary>
    public static string Show(this IHyphenator hyphenator, string word)
    {
        var points = hyphenator.HyphenationPoints(word);
        var parts = new List<string>();
        var last = 0;
        foreach (var p in points)
        {
            parts.Add(word[last..p]);
            last = p;
        }
        parts.Add(word[last..]);
        return string.Join("-", parts);
    }
}
