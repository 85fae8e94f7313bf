namespace HiiaPublish.Format;

public sealed record PerspectiveParserOptions
{
    /// <summary>Largest draft accepted, in bytes (2 MB by default).</summary>
    public long MaxFileBytes { get; init; } = 2 * 1024 * 1024;
    /// <summary>Deepest nesting of quotes and lists accepted in the body.</summary>
    public int MaxNestingDepth { get; init; } = 16;
    /// <summary>Largest front matter accepted, in bytes: room for any paper's fields, a firm stop for YAML bombs.</summary>
    public int MaxFrontMatterBytes { get; init; } = 64 * 1024;

    // Issue 15's cost limits: each far beyond any real paper (a long Perspective is 10,000 words, 150 notes, a table of
    // a few dozen rows), each small enough that the shape at its limit keeps `hiia check` within 2 s and a render within
    // 10 s and 512 MB (docs/performance.md, "Hold under attack"). docs/perspective-format.md states them with their codes.
    /// <summary>Most lines in a draft (HP0060): a 2 MB draft of one-character lines costs Markdig and the model ~700 bytes a line.</summary>
    public int MaxLines { get; init; } = 50_000;
    /// <summary>Longest run of characters without a space (HP0061), in UTF-16 units; a long web address fits.</summary>
    public int MaxWordLength { get; init; } = 1_000;
    /// <summary>
    /// Most characters Markdig may scan for link destinations left open (HP0062): each "](" costs the characters up to
    /// its ")" or the paragraph's end. Real papers stay under 100,000; 10 million is ~30 ms.
    /// </summary>
    public long MaxLinkScanCost { get; init; } = 10_000_000;
    /// <summary>
    /// Most characters in words longer than <see cref="LongWordLength"/> (HP0079): the typesetter breaks such a word by
    /// trial, at about four times the cost of ordinary text (1.6 MB of 1,000-character words took 23 s to render).
    /// </summary>
    public int MaxLongWordCharacters { get; init; } = 200_000;
    /// <summary>A word longer than this is wider than any line of the page and must be broken.</summary>
    public int LongWordLength { get; init; } = 80;
    /// <summary>
    /// Most characters in one paragraph (HP0090), in UTF-16 units. The typesetter breaks a paragraph into lines as a
    /// whole, at a cost in memory that grows with its length: one 2 MB paragraph took 751 MB to render (the same text in
    /// paragraphs of a few hundred characters, 468 MB), and Markdig needed 2.4 s of CPU to check it. A long paragraph
    /// of a real paper has 2,000 characters; 20,000 are about eight pages of one paragraph.
    /// </summary>
    public int MaxParagraphCharacters { get; init; } = 20_000;
    /// <summary>
    /// Most words in the body (HP0091): the typesetter holds every word of the paper as boxes and glue at once, so its
    /// memory follows the number of words more than the bytes. 2 MB of two-letter words (700,000) took 543 MB to render;
    /// 2 MB of ordinary prose is 260,000–315,000 words (468–514 MB, on the edge: RenderCostEstimateTests keeps 2 MB of
    /// plain prose accepted, so the limit stays above it). A long paper has 10,000.
    /// </summary>
    public int MaxWords { get; init; } = 350_000;
    /// <summary>
    /// Most runs of '*' or '_' in the body (HP0092): Markdig keeps each as a possible emphasis delimiter, and each left
    /// unmatched becomes a text run of its own; 550,000 of them took 313 MB to check and 664 MB to render. A paper with
    /// emphasis on every line has a few thousand.
    /// </summary>
    public int MaxEmphasisDelimiters { get; init; } = 50_000;
    /// <summary>Most '[' open at once in one paragraph (HP0063).</summary>
    public int MaxOpenBrackets { get; init; } = 16;
    /// <summary>Most footnote references "[^" (HP0074): Markdig links every reference back from its note, at a cost that grows faster than their number.</summary>
    public int MaxFootnoteReferences { get; init; } = 5_000;
    /// <summary>Most images named in the body (HP0077); a paper has a dozen figures.</summary>
    public int MaxImageReferences { get; init; } = 500;
    /// <summary>Most footnotes (HP0065): each costs the typesetter a place on a page found by trial.</summary>
    public int MaxFootnotes { get; init; } = 1_000;
    /// <summary>Most rows in one table (HP0066).</summary>
    public int MaxTableRows { get; init; } = 1_000;
    /// <summary>Most cells of all tables together (HP0076): each cell is a paragraph of its own for the typesetter.</summary>
    public int MaxTableCells { get; init; } = 12_000;
    /// <summary>Most problems listed for one draft (HP0075): past them, more of the same only costs memory.</summary>
    public int MaxDiagnostics { get; init; } = 500;
    /// <summary>Most columns in one table (HP0067): more than 24 are less than 7 mm wide each on an A4 page.</summary>
    public int MaxTableColumns { get; init; } = 24;
    /// <summary>
    /// Most pixels in one image (HP0068): 4096 × 4096. A full A4 page at 300 dpi needs 8.7 million; decoding costs the
    /// PDF writer ~14 bytes a pixel, so the limit is ~230 MB at most, inside a render's 512 MB.
    /// </summary>
    public long MaxImagePixels { get; init; } = 4096L * 4096;
    /// <summary>Most pixels of all images together (HP0069): two images at the limit (four took 550 MB to render).</summary>
    public long MaxTotalImagePixels { get; init; } = 2 * 4096L * 4096;
    /// <summary>Largest image file (HP0073): the whole upload, Markdown and images, is at most 2 MB.</summary>
    public long MaxImageFileBytes { get; init; } = 2 * 1024 * 1024;
    /// <summary>
    /// Most memory a render of the draft may be estimated to need (HP0080), from the draft's size and its images
    /// (Images/RenderCostEstimate): the 512 MB a render is given, one per core on a 2 GB instance.
    /// </summary>
    public long MaxRenderEstimateBytes { get; init; } = 512L << 20;

    /// <summary>Series name used when an English paper's front matter names none.</summary>
    public string DefaultSeries { get; init; } = "HIIA Perspective";
    /// <summary>Series name used when a Hungarian paper's front matter names none (templates/branding.yaml, languages.hu.series).</summary>
    public string DefaultSeriesHungarian { get; init; } = "MKI Nézőpont";
}
