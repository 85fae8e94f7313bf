namespace HiiaPublish.Typesetting.Tests.Hyphenation;

public class HungarianHyphenationTests
{
    [Theory]
    [InlineData("külügyi", "kül-ügyi")]
    [InlineData("külügyiek", "kül-ügyi-ek")]
    [InlineData("Magyarország", "Ma-gyar-or-szág")]
    [InlineData("biztonság", "biz-ton-ság")]
    [InlineData("kormány", "kor-mány")]
    [InlineData("nemzetközi", "nem-zet-kö-zi")]
    [InlineData("egészség", "egész-ség")]
    [InlineData("Külgazdasági", "Kül-gaz-da-sá-gi")]
    [InlineData("szerkesztő", "szer-kesz-tő")]
    [InlineData("kapcsolat", "kap-cso-lat")]
    [InlineData("gyakorlat", "gya-kor-lat")]
    [InlineData("intézet", "in-té-zet")]
    public void Words_AreSplitAtCorrectHungarianBreaks(string word, string expected) =>
        Assert.Equal(expected, Dictionaries.Hungarian.Show(word));

    // A doubled long letter is hyphenated by writing it out twice (asz-szony); a plain split there is
    // always misspelt, so these words must come back whole rather than as "as-szony" or "ass-zony".
    [Theory]
    [InlineData("asszony")]
    [InlineData("hosszú")]
    [InlineData("meccset")]
    [InlineData("hattyú")]
    [InlineData("fénnyel")]
    [InlineData("könnyű")]
    [InlineData("asszonnyal")]
    [InlineData("összeg")]
    public void Words_whose_only_breaks_need_a_spelling_change_are_not_split(string word) =>
        Assert.Equal(word, Dictionaries.Hungarian.Show(word));

    [Theory]
    [InlineData("asszonyok", 2)]
    [InlineData("asszonyok", 3)]
    [InlineData("gyöngyszem", 1)]
    [InlineData("sportszerű", 6)]
    public void No_split_falls_inside_a_letter_written_with_several_characters(string word, int forbidden) =>
        Assert.DoesNotContain(forbidden, Dictionaries.Hungarian.HyphenationPoints(word));

    [Fact]
    public void Without_a_minimum_in_the_file_two_letters_stay_on_each_side()
    {
        Assert.Equal(2, Dictionaries.Hungarian.LeftMin);
        Assert.Equal(2, Dictionaries.Hungarian.RightMin);
        foreach (var word in "alapítvány elemzés ország európai egyesült államok".Split(' '))
        {
            foreach (var point in Dictionaries.Hungarian.HyphenationPoints(word))
                Assert.InRange(point, 2, word.Length - 2);
        }
    }
}
