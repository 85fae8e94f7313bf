using System.IO.Compression;

namespace HiiaPublish.Pdf.Painting;

/// <summary>
/// A PNG made smaller for the PDF. Every PNG kind goes through here when it has more pixels than its placement shows:
/// grey at 1–16 bits, RGB, palette, alpha, tRNS, interlaced or not.
/// <para>
/// Area averaging: each pixel of the result is the mean of the source area it covers, source pixels cut at its
/// edges counted by the share inside (exact integer weights, rounded half up once at the end). Colour is averaged
/// weighted by alpha (premultiplied, then divided by the mean alpha again), because a PDF soft mask blends the colour
/// not premultiplied: so a result pixel over any backdrop shows what its source pixels show over it, on average, and
/// the colour a fully transparent pixel happens to hold (black, often) never darkens the edge of a cut-out. A pixel
/// with no opacity at all is given colour 0.
/// </para>
/// <para>
/// Samples are averaged at 8 bits (grey below 8 bits widened, v·255/max; a palette looked up to RGB, since indexes
/// cannot be averaged) or at 16 for a 16-bit source; the mask at 8 bits, or 16 for a 16-bit alpha channel. Rows are
/// streamed: what is held is two rows of the source (<see cref="PngRows"/>; an interlaced source whole, as its
/// passes need), three rows of sums the width of the result, and the two compressed streams. Each output row is
/// stored with the PNG filter that leaves the smallest sum of differences (the usual choice, filter 0 among them, so
/// prediction is only used where it pays) and read by the PDF viewer through /Predictor 15.
/// </para>
/// </summary>
internal sealed record PngDownscale(int Width, int Height, int BitsPerComponent, int Colours, byte[] Colour, int MaskBitsPerComponent, byte[]? Mask)
{
    /// <summary>
    /// The density a picture is kept at, at the size it is placed: 300 pixels an inch, what offset printing of
    /// photographs asks for; beyond it the print shows nothing more and the PDF only grows.
    /// </summary>
    public const double PixelsPerInch = 300;

    /// <summary>
    /// The pixel size to keep of a <paramref name="width"/> × <paramref name="height"/> picture placed at the given
    /// size in points: each side at most what <see cref="PixelsPerInch"/> needs, never more than it has.
    /// </summary>
    public static (int Width, int Height) Kept(int width, int height, double placedWidth, double placedHeight)
    {
        static int Needed(double points) =>
            // A hair below a whole pixel (floating-point left-overs of layout) is that pixel, not one more.
            (int)Math.Max(1, Math.Ceiling(points / 72 * PixelsPerInch - 1e-6));
        if (!(placedWidth > 0) || !(placedHeight > 0) || double.IsInfinity(placedWidth) || double.IsInfinity(placedHeight))
            return (width, height);
        return (Math.Min(width, Needed(placedWidth)), Math.Min(height, Needed(placedHeight)));
    }

    /// <summary>
    /// <paramref name="png"/> area-averaged to <paramref name="width"/> × <paramref name="height"/> (at most its own
    /// size). Throws <see cref="InvalidDataException"/> for data that ends early or is scrambled (as PngRows does).
    /// </summary>
    public static PngDownscale Of(PngChunks png, int width, int height)
    {
        if (width < 1 || height < 1 || width > png.Width || height > png.Height)
            throw new ArgumentOutOfRangeException(nameof(width), $"{width} × {height} is no downscale of {png.Width} × {png.Height}.");
        var colours = png.ColourType is 2 or 3 or 6 ? 3 : 1;
        var hasAlpha = png.ColourType is 4 or 6 || png.Transparency is not null;
        var bits = png.BitDepth == 16 ? 16 : 8;
        var maskBits = png.ColourType is 4 or 6 && png.BitDepth == 16 ? 16 : 8;
        var averager = new AreaAverager(png.Width, png.Height, width, height, colours);
        var pixel = new int[colours + 1];
        var samples = new int[png.Width * (colours + 1)];
        var colourRow = new byte[width * colours * bits / 8];
        var maskRow = hasAlpha ? new byte[width * maskBits / 8] : null;
        var colourOut = new PredictedRows(colourRow.Length, colours * bits / 8);
        var maskOut = hasAlpha ? new PredictedRows(maskRow!.Length, maskBits / 8) : null;
        var result = new int[width * (colours + 1)];

        foreach (var rowData in PngRows.Of(png))
        {
            ReadRow(png, rowData.Span, samples, pixel, colours);
            averager.AddRow(samples, hasAlpha);
            if (averager.EndRow(result, hasAlpha))
            {
                for (var d = 0; d < width; d++)
                {
                    for (var c = 0; c < colours; c++)
                        Put(colourRow, d * colours + c, bits, result[d * (colours + 1) + c]);
                    if (maskRow is not null)
                        Put(maskRow, d, maskBits, result[d * (colours + 1) + colours]);
                }
                colourOut.Write(colourRow);
                maskOut?.Write(maskRow!);
            }
        }
        return new PngDownscale(width, height, bits, colours, colourOut.Finish(), maskBits, maskOut?.Finish());
    }

    /// <summary>An unfiltered row as output-depth samples, each pixel's colour then its alpha (255 when it has none).</summary>
    private static void ReadRow(PngChunks png, ReadOnlySpan<byte> row, int[] samples, int[] pixel, int colours)
    {
        var stride = colours + 1;
        var width = png.Width;
        // The common kinds straight from the bytes: 8 or 16 bits, one sample per channel, no tRNS to look up.
        if (png.ColourType is 0 or 2 or 4 or 6 && png.BitDepth >= 8 && png.Transparency is null)
        {
            var channels = PngRows.Channels(png.ColourType);
            var opaque = channels == colours;
            for (int x = 0, to = 0, from = 0; x < width; x++, to += stride)
            {
                for (var c = 0; c < channels; c++, from++)
                    samples[to + c] = png.BitDepth == 8 ? row[from] : row[2 * from] << 8 | row[2 * from + 1];
                if (opaque) samples[to + colours] = 255;
            }
            return;
        }
        for (var x = 0; x < width; x++)
        {
            Read(png, row, x, pixel, colours);
            pixel.CopyTo(samples, x * stride);
        }
    }

    /// <summary>Pixel <paramref name="x"/> of an unfiltered row as output-depth colour samples, then its alpha.</summary>
    private static void Read(PngChunks png, ReadOnlySpan<byte> row, int x, int[] pixel, int colours)
    {
        switch (png.ColourType)
        {
            case 3:
                var index = PngRows.Sample(row, x, png.BitDepth);
                var palette = png.Palette!;
                // An index past the palette is an error PNG leaves to the reader: shown black, as viewers do.
                for (var c = 0; c < 3; c++)
                    pixel[c] = 3 * index + c < palette.Length ? palette[3 * index + c] : 0;
                pixel[3] = png.Transparency is null ? 255 : PngSoftMask.TransparencyAlpha(png, row, x);
                return;
            case 4 or 6:
                var channels = colours + 1;
                for (var c = 0; c < channels; c++)
                    pixel[c] = PngRows.Sample(row, x * channels + c, png.BitDepth);
                return;
            default:
                for (var c = 0; c < colours; c++)
                {
                    var sample = PngRows.Sample(row, x * colours + c, png.BitDepth);
                    // Below 8 bits: widened to 8 (1 bit: ×255, 2: ×85, 4: ×17), exactly as a reader scales it.
                    pixel[c] = png.BitDepth < 8 ? sample * 255 / ((1 << png.BitDepth) - 1) : sample;
                }
                pixel[colours] = png.Transparency is null ? 255 : PngSoftMask.TransparencyAlpha(png, row, x);
                return;
        }
    }

    private static void Put(byte[] row, int index, int bits, int value)
    {
        if (bits == 16)
        {
            row[2 * index] = (byte)(value >> 8);
            row[2 * index + 1] = (byte)value;
        }
        else
            row[index] = (byte)value;
    }

    /// <summary>
    /// Sums for area averaging with integer weights. Source pixel x covers [x·W', (x+1)·W') and result pixel d
    /// [d·W, (d+1)·W) on a line of W·W' units (W the source width, W' the result's), so a source pixel falls in at
    /// most two result pixels (W' ≤ W) and the overlaps are whole numbers; the same down the rows. A result pixel's
    /// weights add up to W·H, at most the pixel limit (2²⁴): with 16-bit colour times 16-bit alpha the sums stay
    /// below 2⁵⁶, inside a long.
    /// </summary>
    private sealed class AreaAverager
    {
        private readonly int _sourceWidth, _sourceHeight, _width, _height, _stride;
        private readonly int[] _firstColumn, _firstWeight;
        private readonly long[] _line;
        private long[] _current, _next;
        private int _sourceRow = -1, _currentRow;

        public AreaAverager(int sourceWidth, int sourceHeight, int width, int height, int colours)
        {
            (_sourceWidth, _sourceHeight, _width, _height, _stride) = (sourceWidth, sourceHeight, width, height, colours + 1);
            _firstColumn = new int[sourceWidth];
            _firstWeight = new int[sourceWidth];
            for (var x = 0; x < sourceWidth; x++)
            {
                var start = (long)x * width;
                var d = (int)(start / sourceWidth);
                _firstColumn[x] = d;
                _firstWeight[x] = (int)(Math.Min(start + width, (long)(d + 1) * sourceWidth) - start);
            }
            _line = new long[(width + 1) * _stride];
            _current = new long[(width + 1) * _stride];
            _next = new long[(width + 1) * _stride];
        }

        /// <summary>
        /// Adds the next source row (each pixel's colour samples then its alpha): colour weighted by alpha, and the
        /// alpha (1 when there is none), into the result pixels each pixel falls in.
        /// </summary>
        public void AddRow(int[] samples, bool hasAlpha)
        {
            _sourceRow++;
            var line = _line;
            Array.Clear(line);
            int stride = _stride, colours = stride - 1;
            for (int x = 0, from = 0; x < _sourceWidth; x++, from += stride)
            {
                long alpha = hasAlpha ? samples[from + colours] : 1;
                var at = _firstColumn[x] * stride;
                long first = _firstWeight[x], second = _width - first;
                for (var c = 0; c < colours; c++)
                {
                    var weighted = alpha * samples[from + c];
                    line[at + c] += first * weighted;
                    line[at + stride + c] += second * weighted;
                }
                line[at + colours] += first * alpha;
                line[at + stride + colours] += second * alpha;
            }
        }

        /// <summary>
        /// Ends the source row: spreads its line of sums over the result rows it falls in (the current one and maybe
        /// the next: a source row is never taller than a result row), and when that finishes the current result row,
        /// puts it in <paramref name="result"/> and returns true (once per result row).
        /// </summary>
        public bool EndRow(int[] result, bool hasAlpha)
        {
            var start = (long)_sourceRow * _height;
            var end = start + _height;
            var boundary = (long)(_currentRow + 1) * _sourceHeight;
            long first = Math.Min(end, boundary) - start, second = _height - first;
            for (var i = 0; i < _width * _stride; i++)
            {
                _current[i] += first * _line[i];
                if (second > 0) _next[i] += second * _line[i];
            }
            if (end < boundary)
                return false;
            Emit(result, hasAlpha);
            (_current, _next) = (_next, _current);
            Array.Clear(_next);
            _currentRow++;
            return true;
        }

        private void Emit(int[] result, bool hasAlpha)
        {
            var colours = _stride - 1;
            var total = (long)_sourceWidth * _sourceHeight;
            for (var d = 0; d < _width; d++)
            {
                var at = d * _stride;
                var alphaSum = _current[at + colours];
                for (var c = 0; c < colours; c++)
                    result[at + c] = alphaSum == 0 ? 0 : (int)((_current[at + c] + alphaSum / 2) / alphaSum);
                result[at + colours] = hasAlpha ? (int)((alphaSum + total / 2) / total) : 0;
            }
        }
    }
}

/// <summary>
/// Rows Flate-compressed as /FlateDecode with /Predictor 15 reads them: each row behind the PNG filter byte that
/// leaves the smallest sum of its bytes taken as signed differences (PNG's own suggestion for choosing one).
/// </summary>
internal sealed class PredictedRows
{
    private readonly MemoryStream _compressed = new();
    private readonly ZLibStream _zlib;
    private readonly int _pixelBytes;
    private byte[] _previous;
    private readonly byte[][] _candidates;

    public PredictedRows(int rowBytes, int pixelBytes)
    {
        // Optimal, as PngSoftMask: no slower on a busy machine and the PDFs smaller.
        _zlib = new ZLibStream(_compressed, CompressionLevel.Optimal, leaveOpen: true);
        _pixelBytes = Math.Max(1, pixelBytes);
        _previous = new byte[rowBytes];
        _candidates = Enumerable.Range(0, 5).Select(_ => new byte[rowBytes + 1]).ToArray();
    }

    public void Write(ReadOnlySpan<byte> row)
    {
        var best = 0;
        var bestCost = long.MaxValue;
        for (var filter = 0; filter < 5; filter++)
        {
            var candidate = _candidates[filter];
            candidate[0] = (byte)filter;
            long cost = 0;
            for (var i = 0; i < row.Length; i++)
            {
                int left = i >= _pixelBytes ? row[i - _pixelBytes] : 0, up = _previous[i], upLeft = i >= _pixelBytes ? _previous[i - _pixelBytes] : 0;
                var predicted = filter switch
                {
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => 0,
                };
                var difference = (byte)(row[i] - predicted);
                candidate[i + 1] = difference;
                cost += difference < 128 ? difference : 256 - difference;
            }
            if (cost < bestCost)
                (best, bestCost) = (filter, cost);
        }
        _zlib.Write(_candidates[best]);
        row.CopyTo(_previous);
    }

    /// <summary>The compressed rows; the writer is done.</summary>
    public byte[] Finish()
    {
        _zlib.Dispose();
        return _compressed.ToArray();
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        int p = left + up - upLeft, toLeft = Math.Abs(p - left), toUp = Math.Abs(p - up), toUpLeft = Math.Abs(p - upLeft);
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }
}
