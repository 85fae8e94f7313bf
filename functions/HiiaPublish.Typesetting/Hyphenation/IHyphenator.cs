namespace HiiaPublish.Typesetting.Hyphenation;

public interface IHyphenator
{
    /// <summary>
    /// Indexes i (1 ≤ i &lt; word.Length) at which <paramref name="word"/> may be split as
    /// word[..i] + "-" / word[i..], in increasing order. Empty when the word must not be split.
    /// </summary>
    IReadOnlyList<int> HyphenationPoints(string word);
}

public sealed class NoHyphenation : IHyphenator
{
    public static readonly NoHyphenation Instance = new();
    public IReadOnlyList<int> HyphenationPoints(string word) => [];
}
