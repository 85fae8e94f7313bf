using HiiaPublish.Format;
using HiiaPublish.Format.Typography;

namespace HiiaPublish.Format.Tests.Format;

public class TypographerTests
{
    [Theory]
    [InlineData("\"Open war\"", "\u201COpen war\u201D")]
    [InlineData("'single' quotes", "\u2018single\u2019 quotes")]
    [InlineData("Pakistan's bargain", "Pakistan\u2019s bargain")]
    [InlineData("the '90s", "the \u201990s")]
    [InlineData("1990--2001", "1990\u20132001")]
    [InlineData("a break---then", "a break\u2014then")]
    [InlineData("and so...", "and so\u2026")]
    [InlineData("(\"quoted\")", "(\u201Cquoted\u201D)")]
    public void English_UsesEnglishQuotesDashesAndEllipsis(string written, string printed) =>
        Assert.Equal(printed, new Typographer(PaperLanguage.English).Apply(written));

    [Theory]
    [InlineData("az \"Unió\"", "az \u201EUnió\u201D")]
    [InlineData("a '90-es évek", "a \u201990-es évek")]
    [InlineData("Kovács' könyve", "Kovács\u2019 könyve")]
    public void Hungarian_UsesLowOpeningQuotesAndApostrophes(string written, string printed) =>
        Assert.Equal(printed, new Typographer(PaperLanguage.Hungarian).Apply(written));

    [Fact]
    public void PreviousCharacter_CarriesAcrossInlineBoundaries()
    {
        var typographer = new Typographer(PaperLanguage.English);
        var previous = Typographer.StartOfText;

        var opening = typographer.Apply("say \"", ref previous);
        previous = 'd'; // an emphasised word ending in 'd' came in between
        var closing = typographer.Apply("\" now", ref previous);

        Assert.Equal("say \u201C", opening);
        Assert.Equal("\u201D now", closing);
    }
}
