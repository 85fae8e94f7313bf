using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;
using HiiaPublish.Typesetting.Tests.Support;
using static HiiaPublish.Typesetting.Tests.Support.Build;

namespace HiiaPublish.Typesetting.Tests.Flow;

public class TableTests
{
    private static readonly TableStyle Style = new(4, 0.5, Color.Black) { HeaderBackground = new Color(220, 220, 220) };

    private static TableCellSpec Cell(string text) => new([Para(text, Ragged)]);

    private static TableRowSpec Row(bool header, params string[] cells) => new([.. cells.Select(Cell)], header);

    /// <summary>A header row, then rows of one line each (20 pt with padding): 12 rows to a page after the header.</summary>
    private static TableBlock Table(int bodyRows) =>
        new([0.25, 0.75], [Row(true, "Year", "Event"), .. Enumerable.Range(0, bodyRows).Select(i => Row(false, $"{2000 + i}", $"event {Letters(i)}"))], Style);

    [Fact]
    public void Columns_take_their_fraction_of_the_width_and_cells_sit_inside_the_padding()
    {
        var layout = Layout(Document(Table(1)));
        var lines = layout.Lines();

        Assert.Equal(24, lines.Single(l => l.Text == "Year").Left, 0.001);
        Assert.Equal(64, lines.Single(l => l.Text == "Event").Left, 0.001);
        Assert.Equal(20 + 4 + 9, lines.Single(l => l.Text == "Year").Baseline, 0.001);
        Assert.Equal(20 + 20 + 4 + 9, lines.Single(l => l.Text == "2000").Baseline, 0.001);
    }

    [Fact]
    public void Header_rows_repeat_at_the_top_of_each_continuation_page_and_rows_are_never_split()
    {
        var layout = Layout(Document(Table(30)));

        Assert.Equal(3, layout.Pages.Count);
        foreach (var page in layout.Pages)
        {
            var texts = page.Elements.OfType<TextElement>().ToList();
            Assert.Equal("Year", texts[0].Text);
            Assert.Equal(20 + 4 + 9, texts[0].Baseline, 0.001);
            // The header is read once: its repetitions are artifacts.
            if (page.Number == 1)
                Assert.Equal(StructureTag.TH, texts[0].Structure.Containers[^1].Tag);
            else
                Assert.Equal(StructureRef.Artifact, texts[0].Structure);
        }
        var years = layout.Lines().Where(l => l.Text.StartsWith("20", StringComparison.Ordinal)).ToList();
        Assert.Equal(30, years.Count);
        Assert.All(layout.Lines().Where(l => l.Text.StartsWith("event", StringComparison.Ordinal)),
            e => Assert.Equal(years.Single(y => Math.Abs(y.Baseline - e.Baseline) < 0.001 && y.Page == e.Page).Page, e.Page));
    }

    [Fact]
    public void Cells_are_tagged_table_row_cell_and_a_table_is_ruled()
    {
        var layout = Layout(Document(Table(2)));
        var page = layout.Pages[0];
        var year = page.Elements.OfType<TextElement>().First(t => t.Text == "2000");

        Assert.Equal([StructureTag.Table, StructureTag.TR, StructureTag.TD], year.Structure.Containers.Select(c => c.Tag));
        Assert.All(year.Structure.Containers, c => Assert.True(c.Id < 0, "containers the typesetter makes never meet the builder's ids"));
        var rules = page.Elements.OfType<RuleElement>().ToList();
        Assert.All(rules, r => Assert.Equal(StructureTag.Artifact, r.Structure.Tag));
        Assert.Contains(rules, r => r.Y1 == r.Y2 && r.Y1 == 20 && r.X1 == 20 && r.X2 == 180);
        Assert.Contains(rules, r => r.Y1 == r.Y2 && Math.Abs(r.Y1 - 80) < 0.001);
        Assert.Single(page.Elements.OfType<FilledRectElement>());
    }

    [Fact]
    public void A_row_taller_than_a_page_gets_a_page_of_its_own_and_a_warning()
    {
        var tall = new TableBlock([1], [Row(false, "before"), new([new([ExactLines(25, 0, Ragged)])], false), Row(false, "after")], Style) { SourceLine = 7 };

        var layout = Layout(Document(tall));

        Assert.Equal(3, layout.Pages.Count);
        var warning = Assert.Single(layout.Warnings);
        Assert.Equal(("TS0003", 7), (warning.Code, warning.SourceLine));
        Assert.Equal(25, layout.Lines().Count(l => l.Page == 2));
    }
}
