using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;
using HiiaPublish.Typesetting.Tests.Hyphenation;
using HiiaPublish.Typesetting.Tests.Support;
using static HiiaPublish.Typesetting.Tests.Support.Build;

namespace HiiaPublish.Typesetting.Tests.Lines;

public class BreakOpportunityTests
{
    private const string Url = "https://www.brookings.edu/articles/pakistan-taliban-and-the-afghan-quagmire/?from=hiia&page=2#notes";

    [Fact]
    public void A_URL_breaks_only_after_its_separators_and_never_gains_a_hyphen()
    {
        var document = Document(Para(new TextRun(Url, Body) { Kind = TextKind.Url }));

        var lines = Layout(document, Dictionaries.English).Lines();

        Assert.True(lines.Count >= 3);
        Assert.Equal(Url, string.Concat(lines.Select(l => l.Text)));
        Assert.All(lines.SkipLast(1), l => Assert.Contains(l.Text[^1], "/.-?&=_#"));
    }

    [Fact]
    public void A_URL_has_one_link_area_per_line_covering_its_text()
    {
        var document = Document(Para(Run("See "), new TextRun(Url, Body) { Kind = TextKind.Url, Link = new ExternalLink(Url) }, Run(" for more.")));

        var layout = Layout(document);
        var links = layout.Pages[0].Elements.OfType<LinkElement>().ToList();
        var linesWithUrl = layout.Lines().Count(l => l.Pieces.Any(p => Url.Contains(p.Text.TrimEnd(' '), StringComparison.Ordinal) && p.Text.Length > 2));

        Assert.Equal(linesWithUrl, links.Count);
        Assert.All(links, l => Assert.Equal(new ExternalLink(Url), l.Target));
        Assert.Equal(links.Count, links.Select(l => l.Area.Y).Distinct().Count());
    }

    [Fact]
    public void Explicit_dashes_are_break_opportunities_without_an_added_hyphen()
    {
        // 32 characters fit a line; the compound cannot, so it breaks after one of its dashes.
        var document = Document(Para("aaaa bbbbbbbbbb Sino-Pakistani-Afghan–border—relations", Ragged));

        var lines = Layout(document).Lines();

        Assert.Equal(2, lines.Count);
        Assert.Matches("[-–—]$", lines[0].Text);
        Assert.Equal("aaaa bbbbbbbbbb Sino-Pakistani-Afghan–border—relations", string.Concat(lines.Select(l => l.Text)));
    }

    [Fact]
    public void An_unbreakable_run_moves_whole_to_the_next_line()
    {
        var document = Document(Para(Run("aaaaaaaaaaaaaaaaaaaaaaaa "), new TextRun("10 000 km", Body) { Kind = TextKind.Unbreakable }));

        var lines = Layout(document).Lines();

        Assert.Equal(2, lines.Count);
        Assert.Equal("10 000 km", lines[1].Text);
    }

    [Fact]
    public void A_word_wider_than_the_line_is_broken_where_it_overflows_with_a_warning()
    {
        var word = new string('m', 100);
        var document = Document(Para("short " + word + " end") with { SourceLine = 42 });

        var layout = Layout(document);
        var lines = layout.Lines();

        var warning = Assert.Single(layout.Warnings);
        Assert.Equal("TS0001", warning.Code);
        Assert.Equal(42, warning.SourceLine);
        Assert.Contains("mmmmmmmmmm", warning.Message);
        Assert.Equal("short " + word + " end", string.Concat(lines.Select(l => l.Text)).Replace("  ", " "));
        Assert.All(lines, l => Assert.True(l.Right <= Page.MarginLeft + Page.ContentWidth + 0.01));
        Assert.Contains(lines, l => l.Text == new string('m', 32));
    }

    [Fact]
    public void No_warning_when_every_word_fits()
    {
        var layout = Layout(Document(Para("all of these words fit on a line of thirty two characters")));
        Assert.Empty(layout.Warnings);
    }

    [Fact]
    public void A_character_missing_from_the_font_is_reported_once_with_its_code_point()
    {
        var document = Document(Para("crab 🦀 and crab 🦀 again") with { SourceLine = 9 }, Para("one more 🦀") with { SourceLine = 10 });

        var layout = Layout(document);

        var warning = Assert.Single(layout.Warnings);
        Assert.Equal(("TS0005", 9), (warning.Code, warning.SourceLine));
        Assert.Contains("U+1F980", warning.Message);
    }

    [Fact]
    public void A_soft_hyphen_is_invisible_unless_the_line_breaks_there()
    {
        // 32 characters to a line: "xxxxxxxxxxxxxxxxxxxxxxxxx" (25) + " ab" fits, the rest of the word does not.
        var document = Document(Para("xxxxxxxxxxxxxxxxxxxxxxxxx ab\u00ADcdefgh short", Ragged));

        var lines = Layout(document).Lines();

        Assert.Equal(["xxxxxxxxxxxxxxxxxxxxxxxxx ab-", "cdefgh short"], lines.Select(l => l.Text));
        Assert.Equal(["abcdefgh"], Layout(Document(Para("ab\u00ADcdefgh"))).Lines().Select(l => l.Text));
    }

    [Fact]
    public void A_zero_width_space_is_a_break_without_a_hyphen_and_is_never_drawn()
    {
        // 32 characters to a line: the compound cannot fit whole after the x's; it breaks at the author's mark.
        var document = Document(Para("xxxxxxxxxxxxxxxxxxxxxx Kapitäns\u200Bmützenband", Ragged));

        var lines = Layout(document).Lines();

        Assert.Equal(["xxxxxxxxxxxxxxxxxxxxxx Kapitäns", "mützenband"], lines.Select(l => l.Text));
        Assert.Equal(["Kapitänsmützenband"], Layout(Document(Para("Kapitäns\u200Bmützenband"))).Lines().Select(l => l.Text));
    }

    [Fact]
    public void A_word_joiner_is_never_drawn_and_keeps_its_neighbours_together()
    {
        var lines = Layout(Document(Para("word\u2060joiner and\uFEFFmore", Ragged))).Lines();

        Assert.Equal(["wordjoiner andmore"], lines.Select(l => l.Text));
    }

    [Fact]
    public void A_forced_line_break_ends_the_line_without_justifying_it()
    {
        var document = Document(Para(Run("first line"), new LineBreakItem(), Run("second line")));

        var lines = Layout(document).Lines();

        Assert.Equal(["first line", "second line"], lines.Select(l => l.Text));
        Assert.Equal(50, lines[0].Right - lines[0].Left, 0.001);
    }

    [Fact]
    public void Hungarian_text_is_hyphenated_with_the_Hungarian_patterns()
    {
        var text = "A Külügyi és Külgazdasági Intézet nemzetközi biztonságpolitikai elemzéseket közöl rendszeresen";
        var lines = Layout(Document(Para(text)), Dictionaries.Hungarian).Lines();

        Assert.Contains(lines.SkipLast(1), l => l.Text.EndsWith('-'));
        Assert.Equal(text.Split(' '), lines.Words());
    }
}
