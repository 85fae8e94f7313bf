namespace HiiaPublish.Typesetting.Tests.Hyphenation;

public class EnglishHyphenationTests
{
    [Theory]
    [InlineData("hyphenation", "hy-phen-ation")]
    [InlineData("international", "in-ter-na-tional")]
    [InlineData("policy", "pol-icy")]
    [InlineData("government", "gov-ern-ment")]
    [InlineData("representation", "rep-re-sen-ta-tion")]
    [InlineData("publication", "pub-li-ca-tion")]
    [InlineData("conclusion", "con-clu-sion")]
    [InlineData("military", "mil-i-tary")]
    [InlineData("relationship", "re-la-tion-ship")]
    [InlineData("external", "ex-ter-nal")]
    public void Words_AreSplitAtDictionaryHyphenations(string word, string expected) =>
        Assert.Equal(expected, Dictionaries.English.Show(word));

    [Fact]
    public void Capitalised_word_is_split_like_its_lower_case_form() =>
        Assert.Equal("Hy-phen-ation", Dictionaries.English.Show("Hyphenation"));

    [Theory]
    [InlineData("COVID-19")]
    [InlineData("x86")]
    [InlineData("well-known")]
    [InlineData("")]
    [InlineData("cat")]
    public void Words_that_are_not_purely_alphabetic_or_too_short_are_never_split(string word) =>
        Assert.Empty(Dictionaries.English.HyphenationPoints(word));

    [Fact]
    public void No_break_leaves_fewer_letters_than_the_file_minimums_2_and_3()
    {
        Assert.Equal(2, Dictionaries.English.LeftMin);
        Assert.Equal(3, Dictionaries.English.RightMin);
        foreach (var word in "abolish policy pity acceptable university organisation theory emergency".Split(' '))
        {
            foreach (var point in Dictionaries.English.HyphenationPoints(word))
            {
                Assert.True(point >= 2, $"{word} split at {point}");
                Assert.True(word.Length - point >= 3, $"{word} split at {point}");
            }
        }
    }

    [Fact]
    public void Concurrent_lookups_agree_with_a_single_threaded_lookup()
    {
        var words = "hyphenation international representation publication military conclusion".Split(' ');
        var expected = words.Select(w => Dictionaries.English.Show(w)).ToArray();
        var results = new string[600];
        Parallel.For(0, results.Length, i => results[i] = Dictionaries.English.Show(words[i % words.Length]));
        for (var i = 0; i < results.Length; i++)
            Assert.Equal(expected[i % words.Length], results[i]);
    }
}
