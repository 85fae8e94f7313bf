// Draws the cover and figure art of the sample perspectives and writes it as PNG with a tiny encoder of
// our own, so the samples depend on nothing but this file. Run from anywhere: dotnet run samples/make-art.cs
//
// Only +, -, *, / and Math.Sqrt shape the drawings (no sin/cos, no random numbers): IEEE 754 rounds those
// exactly on every platform, so every run, anywhere, paints the same pixels.
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

var samples = SamplesDirectory();
var written = new (string Path, Canvas Art)[]
{
    ("middle-corridor/cover.png", CoverArt.CorridorMap()),
    ("middle-corridor/corridor-volumes.png", CoverArt.VolumesChart()),
    ("kozep-europai-energiabiztonsag/cover.png", CoverArt.EnergyGrid()),
};
foreach (var (relativePath, art) in written)
{
    var path = Path.Combine(samples, relativePath);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    var bytes = PngEncoder.Encode(art);
    // Write beside, then move: a stopped run never leaves a half-written PNG where a draft expects one.
    File.WriteAllBytes(path + ".tmp", bytes);
    File.Move(path + ".tmp", path, overwrite: true);
    Console.WriteLine($"{relativePath}: {art.Width}×{art.Height}, {bytes.Length / 1024} KB");
}

// The working directory is wherever the caller stands; the art belongs beside this source file.
static string SamplesDirectory([CallerFilePath] string sourcePath = "") =>
    AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.GetDirectoryName(sourcePath)!;

readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb Hex(string hex) => new(
        Convert.ToByte(hex[1..3], 16), Convert.ToByte(hex[3..5], 16), Convert.ToByte(hex[5..7], 16));
}

static class Palette
{
    public static readonly Rgb Navy = Rgb.Hex("#1F3A5F");
    public static readonly Rgb Gold = Rgb.Hex("#B8860B");
    public static readonly Rgb OffWhite = Rgb.Hex("#F6F3EC");
    public static readonly Rgb Mist = Rgb.Hex("#E6E3DC");
    public static readonly Rgb LightGrey = Rgb.Hex("#D3D2CE");
    public static readonly Rgb MidGrey = Rgb.Hex("#A7ABB1");
    public static readonly Rgb DarkGrey = Rgb.Hex("#5A5F66");
    public static readonly Rgb Water = Rgb.Hex("#D2DAE4");
}

/// <summary>An RGB raster with anti-aliased flat shapes: coverage of a pixel blends the colour in.</summary>
sealed class Canvas
{
    public Canvas(int width, int height, Rgb background)
    {
        Width = width;
        Height = height;
        Pixels = new byte[width * height * 3];
        FillRect(0, 0, width, height, background);
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Pixels { get; }

    public void FillRect(int left, int top, int right, int bottom, Rgb colour)
    {
        for (var y = Math.Max(0, top); y < Math.Min(Height, bottom); y++)
            for (var x = Math.Max(0, left); x < Math.Min(Width, right); x++)
                Blend(x, y, colour, 1);
    }

    public void FillCircle(double cx, double cy, double radius, Rgb colour) =>
        Paint(cx - radius, cy - radius, cx + radius, cy + radius, colour,
            (x, y) => radius - Distance(x - cx, y - cy));

    public void Ring(double cx, double cy, double radius, double width, Rgb colour) =>
        Paint(cx - radius - width, cy - radius - width, cx + radius + width, cy + radius + width, colour,
            (x, y) => width / 2 - Math.Abs(Distance(x - cx, y - cy) - radius));

    /// <summary>A thick line with round ends, so the segments of a route join without gaps.</summary>
    public void Line(double x0, double y0, double x1, double y1, double width, Rgb colour)
    {
        var pad = width;
        Paint(Math.Min(x0, x1) - pad, Math.Min(y0, y1) - pad, Math.Max(x0, x1) + pad, Math.Max(y0, y1) + pad,
            colour, (x, y) => width / 2 - DistanceToSegment(x, y, x0, y0, x1, y1));
    }

    public void DashedLine(double x0, double y0, double x1, double y1, double width, double dash, Rgb colour)
    {
        var length = Distance(x1 - x0, y1 - y0);
        for (var start = 0.0; start < length; start += 2 * dash)
        {
            var end = Math.Min(length, start + dash);
            Line(x0 + (x1 - x0) * start / length, y0 + (y1 - y0) * start / length,
                x0 + (x1 - x0) * end / length, y0 + (y1 - y0) * end / length, width, colour);
        }
    }

    /// <summary>Fills everything below a curve: the edge pixel gets the fraction of it that lies below.</summary>
    public void FillBelow(Func<double, double> edge, Rgb colour)
    {
        for (var x = 0; x < Width; x++)
        {
            var top = edge(x + 0.5);
            var firstFull = (int)Math.Ceiling(top);
            if (firstFull - 1 >= 0 && firstFull - 1 < Height)
                Blend(x, firstFull - 1, colour, firstFull - top);
            for (var y = Math.Max(0, firstFull); y < Height; y++)
                Blend(x, y, colour, 1);
        }
    }

    /// <summary>
    /// Fills a shape given as one horizontal span per height. Four sample rows per pixel smooth the edges
    /// that run nearly level, where the span's horizontal coverage alone would show steps.
    /// </summary>
    public void FillRows(double top, double bottom, Func<double, (double Left, double Right)> span, Rgb colour)
    {
        const int samplesPerPixel = 4;
        for (var y = Math.Max(0, (int)Math.Floor(top)); y < Math.Min(Height, (int)Math.Ceiling(bottom)); y++)
        {
            var coverage = new double[Width];
            for (var sample = 0; sample < samplesPerPixel; sample++)
            {
                var (left, right) = span(y + (sample + 0.5) / samplesPerPixel);
                for (var x = Math.Max(0, (int)Math.Floor(left)); x < Math.Min(Width, (int)Math.Ceiling(right)); x++)
                    coverage[x] += (Math.Min(right, x + 1) - Math.Max(left, x)) / samplesPerPixel;
            }
            for (var x = 0; x < Width; x++)
                if (coverage[x] > 0)
                    Blend(x, y, colour, Math.Min(1, coverage[x]));
        }
    }

    // Coverage is the signed distance to the shape's edge in pixels, clamped to [0, 1]: a one-pixel ramp
    // is enough to hide stair steps without blurring the flat colours that keep the files small.
    private void Paint(double left, double top, double right, double bottom, Rgb colour, Func<double, double, double> inside)
    {
        for (var y = Math.Max(0, (int)Math.Floor(top) - 1); y < Math.Min(Height, (int)Math.Ceiling(bottom) + 1); y++)
            for (var x = Math.Max(0, (int)Math.Floor(left) - 1); x < Math.Min(Width, (int)Math.Ceiling(right) + 1); x++)
            {
                var coverage = Math.Clamp(inside(x + 0.5, y + 0.5) + 0.5, 0, 1);
                if (coverage > 0)
                    Blend(x, y, colour, coverage);
            }
    }

    private void Blend(int x, int y, Rgb colour, double alpha)
    {
        var i = (y * Width + x) * 3;
        Pixels[i] = Mix(Pixels[i], colour.R, alpha);
        Pixels[i + 1] = Mix(Pixels[i + 1], colour.G, alpha);
        Pixels[i + 2] = Mix(Pixels[i + 2], colour.B, alpha);
    }

    private static byte Mix(byte under, byte over, double alpha) => (byte)Math.Round(under + (over - under) * alpha);

    private static double Distance(double dx, double dy) => Math.Sqrt(dx * dx + dy * dy);

    private static double DistanceToSegment(double px, double py, double x0, double y0, double x1, double y1)
    {
        var (dx, dy) = (x1 - x0, y1 - y0);
        var lengthSquared = dx * dx + dy * dy;
        var t = lengthSquared == 0 ? 0 : Math.Clamp(((px - x0) * dx + (py - y0) * dy) / lengthSquared, 0, 1);
        return Distance(px - (x0 + t * dx), py - (y0 + t * dy));
    }
}

/// <summary>The three pictures. Coordinates are pixels; every shape is placed by hand, nothing is random.</summary>
static class CoverArt
{
    // The Middle Corridor from Europe (left) to China (right); index 4 is Baku and 5 is Aktau, the ferry leg.
    private static readonly (double X, double Y)[] Corridor =
        [(110, 460), (290, 500), (450, 450), (600, 520), (720, 470), (890, 430), (1040, 390), (1200, 430), (1350, 380), (1500, 400)];
    private static readonly (double X, double Y)[] NorthernRoute = [(110, 460), (300, 270), (600, 200), (900, 170), (1200, 220), (1500, 400)];
    private static readonly (double X, double Y)[] SouthernRoute = [(290, 500), (500, 650), (800, 720), (1100, 690), (1350, 560), (1500, 400)];

    public static Canvas CorridorMap()
    {
        var canvas = new Canvas(1600, 1000, Palette.OffWhite);
        DotGrid(canvas, spacing: 40);
        canvas.FillBelow(SmoothEdge(1600, 780, 740, 770, 720, 760, 730), Palette.Mist);
        canvas.FillBelow(SmoothEdge(1600, 860, 880, 840, 870, 850, 880), Palette.LightGrey);
        canvas.FillBelow(SmoothEdge(1600, 950, 930, 945, 925, 940, 930), Palette.MidGrey);
        // The Caspian Sea: a tall, uneven oval whose width and middle wander down its length.
        var (seaTop, seaBottom) = (230.0, 700.0);
        var seaMiddle = SmoothEdge(seaBottom - seaTop, 790, 815, 805, 780, 800);
        var seaHalfWidth = SmoothEdge(seaBottom - seaTop, 60, 88, 80, 62, 48);
        canvas.FillRows(seaTop, seaBottom, y =>
        {
            var u = 2 * (y - seaTop) / (seaBottom - seaTop) - 1;
            var halfWidth = seaHalfWidth(y - seaTop) * Math.Sqrt(Math.Max(0, 1 - u * u)); // rounds both ends
            var middle = seaMiddle(y - seaTop);
            return (middle - halfWidth, middle + halfWidth);
        }, Palette.Water);
        Polyline(canvas, NorthernRoute, 3, Palette.MidGrey);
        Polyline(canvas, SouthernRoute, 3, Palette.MidGrey);
        for (var i = 0; i + 1 < Corridor.Length; i++)
        {
            var ((x0, y0), (x1, y1)) = (Corridor[i], Corridor[i + 1]);
            if (i == 4)
                canvas.DashedLine(x0, y0, x1, y1, 7, 18, Palette.Gold);
            else
                canvas.Line(x0, y0, x1, y1, 7, Palette.Gold);
        }
        foreach (var (x, y) in Corridor[1..^1])
        {
            canvas.FillCircle(x, y, 13, Palette.Navy);
            canvas.FillCircle(x, y, 5, Palette.OffWhite);
        }
        foreach (var (x, y) in new[] { Corridor[0], Corridor[^1] })
        {
            canvas.FillCircle(x, y, 22, Palette.Navy);
            canvas.FillCircle(x, y, 12, Palette.Gold);
        }
        return canvas;
    }

    /// <summary>Table 1 of the English sample as bars: cargo in million tonnes, 2021–2025, the latest in gold.</summary>
    public static Canvas VolumesChart()
    {
        double[] millionTonnes = [0.6, 1.5, 2.8, 4.5, 5.2];
        const int left = 100, right = 1140, top = 60, baseline = 620;
        // Six gridlines, one per million tonnes: the largest value (5.2) sits below the top line with room to spare.
        const double pixelsPerMillionTonnes = (baseline - top) / 6.0;
        var canvas = new Canvas(1200, 700, Palette.OffWhite);
        for (var level = 1; level <= 6; level++)
        {
            var y = (int)Math.Round(baseline - level * pixelsPerMillionTonnes);
            canvas.FillRect(left, y - 1, right, y + 1, Palette.LightGrey);
        }
        var slot = (right - left) / millionTonnes.Length;
        for (var i = 0; i < millionTonnes.Length; i++)
        {
            var centre = left + slot * i + slot / 2;
            var barTop = (int)Math.Round(baseline - millionTonnes[i] * pixelsPerMillionTonnes);
            var colour = i == millionTonnes.Length - 1 ? Palette.Gold : Palette.Navy;
            canvas.FillRect(centre - 62, barTop, centre + 62, baseline, colour);
        }
        canvas.FillRect(left - 20, baseline, right + 20, baseline + 4, Palette.DarkGrey);
        return canvas;
    }

    /// <summary>A grid of nodes joined by grey links, with two supply lines (gold, navy) meeting at a hub.</summary>
    public static Canvas EnergyGrid()
    {
        const int columns = 9, rows = 5;
        static (double X, double Y) Node(int column, int row) => (160 + 160 * column, 150 + 150 * row);
        (int Column, int Row)[] goldLine = [(0, 2), (1, 2), (2, 1), (3, 1), (4, 2), (5, 3), (6, 3), (7, 2), (8, 2)];
        (int Column, int Row)[] navyLine = [(0, 4), (1, 4), (2, 3), (3, 3), (4, 2), (5, 1), (6, 1), (7, 0), (8, 0)];
        var canvas = new Canvas(1600, 1000, Palette.OffWhite);
        canvas.FillBelow(SmoothEdge(1600, 880, 860, 875, 850, 870), Palette.Mist);
        canvas.FillBelow(SmoothEdge(1600, 940, 955, 935, 950, 940), Palette.LightGrey);
        for (var row = 0; row < rows; row++)
            for (var column = 0; column < columns; column++)
            {
                var (x, y) = Node(column, row);
                if (column + 1 < columns)
                    canvas.Line(x, y, Node(column + 1, row).X, y, 4, Palette.LightGrey);
                if (row + 1 < rows && (column + row) % 2 == 0)
                    canvas.Line(x, y, x, Node(column, row + 1).Y, 4, Palette.LightGrey);
            }
        Polyline(canvas, [.. navyLine.Select(n => Node(n.Column, n.Row))], 6, Palette.Navy);
        Polyline(canvas, [.. goldLine.Select(n => Node(n.Column, n.Row))], 8, Palette.Gold);
        var onLines = goldLine.Concat(navyLine).ToHashSet();
        for (var row = 0; row < rows; row++)
            for (var column = 0; column < columns; column++)
            {
                var (x, y) = Node(column, row);
                if (onLines.Contains((column, row)))
                {
                    canvas.FillCircle(x, y, 20, Palette.Navy);
                    canvas.FillCircle(x, y, 7, Palette.OffWhite);
                    continue;
                }
                // Sizes cycle through four steps in a pattern of the grid position, so no two neighbours match.
                var radius = 10 + 4 * ((column * 5 + row * 3) % 4);
                canvas.FillCircle(x, y, radius, Palette.Mist);
                canvas.Ring(x, y, radius, 3, Palette.MidGrey);
            }
        var hub = Node(4, 2);
        canvas.FillCircle(hub.X, hub.Y, 36, Palette.Navy);
        canvas.FillCircle(hub.X, hub.Y, 22, Palette.Gold);
        return canvas;
    }

    private static void DotGrid(Canvas canvas, int spacing)
    {
        for (var y = spacing / 2; y < canvas.Height; y += spacing)
            for (var x = spacing / 2; x < canvas.Width; x += spacing)
                canvas.FillCircle(x, y, 1.6, Palette.LightGrey);
    }

    private static void Polyline(Canvas canvas, (double X, double Y)[] points, double width, Rgb colour)
    {
        for (var i = 0; i + 1 < points.Length; i++)
            canvas.Line(points[i].X, points[i].Y, points[i + 1].X, points[i + 1].Y, width, colour);
    }

    /// <summary>A gentle edge through evenly spaced heights, eased with smoothstep between them.</summary>
    private static Func<double, double> SmoothEdge(double width, params double[] heights) => x =>
    {
        var position = Math.Clamp(x / width, 0, 1) * (heights.Length - 1);
        var i = Math.Min((int)position, heights.Length - 2);
        var t = position - i;
        return heights[i] + (heights[i + 1] - heights[i]) * t * t * (3 - 2 * t);
    };
}

/// <summary>PNG, truecolour 8-bit, one IDAT: just what a viewer and PDFsharp need, nothing more.</summary>
static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private const byte ColourTypeTruecolour = 2;

    public static byte[] Encode(Canvas canvas)
    {
        using var png = new MemoryStream();
        png.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, canvas.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), canvas.Height);
        header[8] = 8; // bits per sample; bytes 10–12 (compression, filter, interlace) stay 0, the only defined values
        header[9] = ColourTypeTruecolour;
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", CompressScanlines(canvas));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] CompressScanlines(Canvas canvas)
    {
        var stride = canvas.Width * 3;
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var previous = new byte[stride]; // the row above the first row counts as zeros
            for (var y = 0; y < canvas.Height; y++)
            {
                var row = canvas.Pixels.AsSpan(y * stride, stride);
                var (filter, filtered) = ScanlineFilter.Best(row, previous);
                zlib.WriteByte(filter);
                zlib.Write(filtered);
                row.CopyTo(previous);
            }
        }
        return compressed.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(typeAndData));
        png.Write(word);
    }
}

/// <summary>Per row, the PNG filter whose output has the smallest sum of magnitudes (the usual heuristic).</summary>
static class ScanlineFilter
{
    private const int BytesPerPixel = 3;

    public static (byte Filter, byte[] Filtered) Best(ReadOnlySpan<byte> row, ReadOnlySpan<byte> above)
    {
        var none = row.ToArray();
        var sub = new byte[row.Length];
        var up = new byte[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            sub[i] = (byte)(row[i] - (i >= BytesPerPixel ? row[i - BytesPerPixel] : 0));
            up[i] = (byte)(row[i] - above[i]);
        }
        // Fixed order of candidates: ties always go the same way, so the bytes never change between runs.
        var candidates = new (byte Filter, byte[] Bytes)[] { (0, none), (1, sub), (2, up) };
        return candidates.MinBy(c => c.Bytes.Sum(b => b < 128 ? b : 256 - b));
    }
}

/// <summary>CRC-32 as PNG defines it (reflected polynomial 0xEDB88320, initial and final XOR with all ones).</summary>
static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
