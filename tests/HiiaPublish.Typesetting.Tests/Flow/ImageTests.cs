using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;
using HiiaPublish.Typesetting.Tests.Support;
using static HiiaPublish.Typesetting.Tests.Support.Build;

namespace HiiaPublish.Typesetting.Tests.Flow;

public class ImageTests
{
    private static ImageBlock Image(int pixelWidth, int pixelHeight, double maxWidth = 1000, double maxHeight = 1000) =>
        new(new ImageSource("photo.jpg", [1, 2, 3], pixelWidth, pixelHeight), "Soldiers at the border", maxWidth, maxHeight) { SourceLine = 12 };

    private static ImageElement Single(LaidOutDocument layout) => layout.Pages.SelectMany(p => p.Elements).OfType<ImageElement>().Single();

    [Fact]
    public void An_image_is_never_larger_than_its_pixels_at_the_dpi_cap()
    {
        // 300 × 150 px at 150 dpi is 2 × 1 inch: 144 × 72 pt, though 160 pt of width is free.
        var image = Single(Layout(Document(Image(300, 150))));

        Assert.Equal((144.0, 72.0), (image.Area.Width, image.Area.Height));
        Assert.Equal(20 + (160 - 144) / 2.0, image.Area.X, 0.001);
    }

    [Theory]
    [InlineData(3000, 1500, 1000, 1000, 160, 80)]
    [InlineData(3000, 1500, 100, 1000, 100, 50)]
    [InlineData(3000, 1500, 1000, 30, 60, 30)]
    [InlineData(150, 3000, 1000, 1000, 13, 260)]
    public void An_image_takes_the_largest_size_its_limits_and_the_page_allow(int px, int py, double maxWidth, double maxHeight, double width, double height)
    {
        var image = Single(Layout(Document(Image(px, py, maxWidth, maxHeight))));

        Assert.Equal(width, image.Area.Width, 0.001);
        Assert.Equal(height, image.Area.Height, 0.001);
    }

    [Fact]
    public void Shrinking_below_half_to_fit_the_page_is_reported_but_the_authors_own_limit_is_not()
    {
        var shrunk = Layout(Document(Image(3000, 1500)));
        var limited = Layout(Document(Image(3000, 1500, maxWidth: 100)));
        var fine = Layout(Document(Image(400, 200)));

        var warning = Assert.Single(shrunk.Warnings);
        Assert.Equal(("TS0002", 12), (warning.Code, warning.SourceLine));
        Assert.Contains("photo.jpg", warning.Message);
        Assert.Empty(fine.Warnings);
        // MaxWidth 100 shrinks it to 7%, but the author asked for that; the page did not force it.
        Assert.Empty(limited.Warnings);
    }

    [Fact]
    public void An_image_that_does_not_fit_the_rest_of_the_page_moves_to_the_next()
    {
        var layout = Layout(Document(ExactLines(18, 0), Image(300, 150)));

        Assert.Equal(2, layout.Pages.Count);
        var image = layout.Pages[1].Elements.OfType<ImageElement>().Single();
        Assert.Equal(20, image.Area.Y, 0.001);
    }

    [Fact]
    public void An_image_is_a_figure_carrying_its_alternative_text()
    {
        var image = Single(Layout(Document(Image(300, 150))));

        Assert.Equal(StructureTag.Figure, image.Structure.Tag);
        Assert.Equal("Soldiers at the border", image.Structure.AltText);
    }
}
