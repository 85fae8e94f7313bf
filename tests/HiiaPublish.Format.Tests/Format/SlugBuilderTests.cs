using HiiaPublish.Format;

namespace HiiaPublish.Format.Tests.Format;

public class SlugBuilderTests
{
    [Theory]
    [InlineData("From Sanctuary to “Open War”: How Pakistan Soured", "from-sanctuary-to-open-war-how-pakistan-soured")]
    [InlineData("Árvíztűrő tükörfúrógép: ŐSZ és ÜNNEP", "arvizturo-tukorfurogep-osz-es-unnep")]
    [InlineData("  --Straße & Łódź--  ", "strasse-lodz")]
    [InlineData("2026: The Year", "2026-the-year")]
    [InlineData("???", "")]
    public void Derive_FoldsAccentsAndJoinsWordsWithSingleHyphens(string title, string expected) =>
        Assert.Equal(expected, SlugBuilder.Derive(title));

    [Theory]
    [InlineData("Foo\uFFFE Bar", "foo-bar")]
    [InlineData("\uFFFE", "")]
    [InlineData("Alpha\uFDD0Beta\U0010FFFF", "alphabeta")]
    [InlineData("Lone \uD800 surrogate", "lone-surrogate")]
    [InlineData("Trailing \uDC00", "trailing")]
    public void Derive_NeverThrows_OnNoncharactersOrUnpairedSurrogates(string title, string expected) =>
        Assert.Equal(expected, SlugBuilder.Derive(title));

    [Theory]
    [InlineData("Foo\u200BBar", "foobar")]
    [InlineData("Hun\u00ADgarian Policy", "hungarian-policy")]
    [InlineData("Zero\u200Dwidth\u2060joiners\uFEFF", "zerowidthjoiners")]
    public void Derive_InvisibleFormatCharacters_JoinTheWordTheyStandIn(string title, string expected) =>
        Assert.Equal(expected, SlugBuilder.Derive(title));

    [Fact]
    public void Derive_CutsLongTitlesAtAWordEdgeWithinTheLimit()
    {
        var title = string.Join(' ', Enumerable.Repeat("diplomacy", 12));
        var slug = SlugBuilder.Derive(title);

        Assert.True(slug.Length <= SlugBuilder.MaxLength);
        Assert.EndsWith("-diplomacy", slug);
        Assert.True(SlugBuilder.IsValid(slug));
    }

    [Fact]
    public void Derive_CutsOneEndlessWordAtTheLimit() =>
        Assert.Equal(SlugBuilder.MaxLength, SlugBuilder.Derive(new string('a', 200)).Length);

    [Theory]
    [InlineData("pakistan-2026", true)]
    [InlineData("Pakistan", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("-leading", false)]
    [InlineData("under_score", false)]
    [InlineData("", false)]
    public void IsValid_AcceptsOnlyLowerCaseWordsJoinedBySingleHyphens(string slug, bool valid) =>
        Assert.Equal(valid, SlugBuilder.IsValid(slug));

    [Fact]
    public void IsValid_RefusesSlugsOverTheLimit() =>
        Assert.False(SlugBuilder.IsValid(new string('a', SlugBuilder.MaxLength + 1)));
}
