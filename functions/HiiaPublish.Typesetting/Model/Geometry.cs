namespace HiiaPublish.Typesetting.Model;

// All lengths are PDF points (1/72 inch). Page coordinates have their origin at the
// top-left corner of the page and y grows downward, as a reader scans a page.
public readonly record struct Rect(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double Bottom => Y + Height;
}

public readonly record struct Color(byte R, byte G, byte B)
{
    public static readonly Color Black = new(0, 0, 0);

    public static Color FromHex(string hex)
    {
        var h = hex.TrimStart('#');
        if (h.Length != 6)
            throw new FormatException($"Colour '{hex}' is not of the form #RRGGBB.");
        return new Color(Convert.ToByte(h[..2], 16), Convert.ToByte(h[2..4], 16), Convert.ToByte(h[4..], 16));
    }
}

public sealed record PageGeometry(
    double Width,
    double Height,
    double MarginTop,
    double MarginBottom,
    double MarginLeft,
    double MarginRight)
{
    // A4 is 210 × 297 mm.
    public static PageGeometry A4(double top, double bottom, double left, double right) =>
        new(595.2756, 841.8898, top, bottom, left, right);

    public double ContentWidth => Width - MarginLeft - MarginRight;
    public double ContentHeight => Height - MarginTop - MarginBottom;
}
