using HiiaPublish.Typesetting.Model;

namespace HiiaPublish.Typesetting.Flow;

/// <summary>
/// The size of an image on the page: the largest that fits the author's maximums, the content width and a full
/// page, never larger than its pixels allow at MaxDpi (more would print visibly soft).
/// </summary>
internal static class ImageSizer
{
    // Below half its size at the resolution cap, an image's detail is too small to read: worth telling the editor.
    private const double WarnBelowScale = 0.5;

    public static (double Width, double Height)? Size(ImageBlock image, double contentWidth, double contentHeight, out string? warning)
    {
        warning = null;
        if (image.Image.PixelWidth <= 0 || image.Image.PixelHeight <= 0 || !(image.MaxDpi > 0))
        {
            warning = $"The image “{image.Image.Name}” has no usable size or resolution and was left out; check the file.";
            return null;
        }
        var nativeWidth = image.Image.PixelWidth / image.MaxDpi * 72;
        var nativeHeight = image.Image.PixelHeight / image.MaxDpi * 72;
        var authorScale = Math.Min(1, Math.Min(Limit(image.MaxWidth) / nativeWidth, Limit(image.MaxHeight) / nativeHeight));
        var pageScale = Math.Min(contentWidth / nativeWidth, contentHeight / nativeHeight);
        var scale = Math.Min(authorScale, pageScale);
        if (scale < WarnBelowScale && pageScale < authorScale)
            warning = FormattableString.Invariant($"The image “{image.Image.Name}” had to be shrunk to {scale * 100:0}% of its size at {image.MaxDpi:0} dpi to fit the page; crop it or use a smaller image.");
        return (nativeWidth * scale, nativeHeight * scale);
    }

    // A maximum that is zero, negative or not a number sets no limit.
    private static double Limit(double value) => value > 0 && double.IsFinite(value) ? value : double.PositiveInfinity;
}
