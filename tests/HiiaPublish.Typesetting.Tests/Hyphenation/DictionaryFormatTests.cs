using HiiaPublish.Typesetting.Hyphenation;

namespace HiiaPublish.Typesetting.Tests.Hyphenation;

public class DictionaryFormatTests
{
    private static LiangHyphenator Parse(string text, params string[] clusters) =>
        LiangHyphenator.Load(new StringReader(text), clusters);

    [Fact]
    public void Keywords_comments_and_patterns_are_read()
    {
        var hyphenator = Parse("UTF-8\n% a comment 1a1\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\na1b\n");
        Assert.Equal(1, hyphenator.LeftMin);
        Assert.Equal("a-b", hyphenator.Show("ab"));
    }

    [Fact]
    public void Higher_even_level_inhibits_a_lower_odd_one()
    {
        var hyphenator = Parse("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\na1b\nxa2b\n");
        Assert.Equal("a-b", hyphenator.Show("ab"));
        Assert.Equal("xab", hyphenator.Show("xab"));
    }

    [Fact]
    public void A_non_standard_rule_vetoes_the_plain_break_it_would_rewrite()
    {
        var hyphenator = Parse("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n1b\nab3bc/b=b,2,1\n");
        Assert.Equal("a-b-b", hyphenator.Show("abb"));
        Assert.Equal("a-bbc", hyphenator.Show("abbc"));
    }

    [Fact]
    public void Clusters_are_never_cut()
    {
        var hyphenator = Parse("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n1a\n1b\n1c\n", "bc");
        Assert.Equal("a-bc-a", hyphenator.Show("abca"));
    }

    [Fact]
    public void Patterns_match_case_insensitively()
    {
        var hyphenator = Parse("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nö1b\n");
        Assert.Equal("Ö-B", hyphenator.Show("ÖB"));
    }
}
