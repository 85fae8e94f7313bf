using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;

namespace HiiaPublish.Format.Images;

/// <summary>
/// What a render of the draft will hold in memory at its peak, estimated at check time from what the check has read
/// (HP0080, HP0081). Each limit on its own keeps a render inside 512 MB, but limits reached together did not: two PNGs
/// with alpha at the pixel limit peaked at 646 MB; 2 MB of prose and two such pictures at 958 MB and 12 s; 1.7 MB of
/// prose with 12,000 table cells and 1,000 footnotes at 527 MB (docs/performance.md, "Images: embedded as they are").
/// The coefficients are measurements, rounded up:
/// a render starts at ~92 MB (fonts, templates, the runtime), taken as 100 MB for the noise between runs;
/// each byte of the draft costs ~196 bytes (2 MB of prose peaked at 483 MB);
/// each table cell ~13 KB (24 × 990 cells peaked at 400 MB) and each footnote ~90 KB (1,000 notes at 183 MB), both
/// set by trial on pages. A picture costs its file twice (read, then written or joined) and, for a PNG, what the
/// PDF writer holds while it reads the rows (issue 15: no picture is decoded whole any more; docs/performance.md,
/// "Images: embedded as they are, downscaled past the page's resolution"): rows are streamed, the output compressed
/// as it comes, 0.06–0.2 bytes a pixel over the process's peak measured for 4,096² pictures (counted as 0.5); an
/// interlaced PNG is put together whole first, so its raw samples (4 bytes a pixel for 8-bit RGBA, 8 for 16-bit)
/// come on top, counted a quarter more (9.3 bytes a pixel measured in all for 16-bit RGBA, 3.9 for 8-bit RGBA).
/// </summary>
internal static class RenderCostEstimate
{
    public const long BaseBytes = 100L << 20;
    public const long BytesPerDraftByte = 200;
    public const long BytesPerTableCell = 13L << 10;
    public const long BytesPerFootnote = 90L << 10;
    public const double BytesPerStreamedPixel = 0.5;
    public const double InterlacedRawSampleFactor = 1.25;
    public const long BytesPerImageFileByte = 2;

    private const double MB = 1 << 20;

    public static long OfImage(ImageReading reading, long fileBytes) =>
        BytesPerImageFileByte * fileBytes + (long)Math.Ceiling(reading.HeldBytesPerPixel * reading.Pixels);

    /// <summary>
    /// Reports HP0081 when the text alone passes the budget, else HP0080 at the image with which the images pass it.
    /// </summary>
    public static void Check(long draftBytes, IReadOnlyList<Block> body, IReadOnlyList<Footnote> footnotes,
        IReadOnlyList<ImageCost> images, PerspectiveParserOptions options, DiagnosticBag diagnostics)
    {
        var cells = CellsIn(body) + footnotes.Sum(note => CellsIn(note.Blocks));
        var text = BaseBytes + BytesPerDraftByte * draftBytes + BytesPerTableCell * cells + BytesPerFootnote * footnotes.Count;
        var budget = options.MaxRenderEstimateBytes;
        var all = text + images.Sum(image => image.Bytes);
        if (text > budget)
        {
            var at = FirstTableLine(body) is { } line ? new SourcePosition(line, 1) : SourcePosition.Start;
            diagnostics.Report(DiagnosticCatalog.TextTooCostly, at, Math.Round(all / MB), budget / MB, cells, footnotes.Count, draftBytes);
            return;
        }
        var running = text;
        foreach (var image in images)
        {
            running += image.Bytes;
            if (running <= budget) continue;
            diagnostics.ReportField(DiagnosticCatalog.RenderTooCostly, image.At, image.Field, Math.Round(all / MB), budget / MB,
                image.Path, Math.Round((all - text) / MB), Math.Round(text / MB));
            return;
        }
    }

    private static long CellsIn(IEnumerable<Block> blocks) => blocks.Sum(block => block switch
    {
        Table table => table.Rows.Sum(row => (long)row.Cells.Count),
        BlockQuote quote => CellsIn(quote.Blocks),
        ListBlock list => list.Items.Sum(item => CellsIn(item.Blocks)),
        _ => 0L,
    });

    private static int? FirstTableLine(IEnumerable<Block> blocks) => blocks.OfType<Table>().Select(t => (int?)t.Line).FirstOrDefault();
}
