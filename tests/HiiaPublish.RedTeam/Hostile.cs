using System.IO.Compression;
using System.Text;
using HiiaPublish.Testing;

namespace HiiaPublish.RedTeam;

/// <summary>
/// The hostile inputs, written here for this project: drafts of one pathological shape repeated up to the size limit,
/// damaged and oversized pictures, and front matter carrying characters of every Unicode category.
/// </summary>
public static class Hostile
{
    /// <summary>Just under the 2 MB draft limit (PerspectiveParserOptions.MaxFileBytes), leaving room for the front matter.</summary>
    public const int NearLimit = 2 * 1024 * 1024 - 2_048;

    public static string FrontMatter(string title, string? extra = null) => $"""
        ---
        title: "{title}"
        date: 2026-03-17
        authors: Anna Kovács
        abstract: A draft written to attack the pipeline.
        {extra}
        ---


        """;

    /// <summary>A draft whose body is <paramref name="unit"/> repeated until the body has about <paramref name="bytes"/> bytes.</summary>
    public static string Repeat(string title, string unit, int bytes, string? extra = null, bool paragraphs = false)
    {
        var body = new StringBuilder(bytes + unit.Length);
        var unitBytes = Encoding.UTF8.GetByteCount(unit);
        var sinceBreak = 0;
        while (Encoding.UTF8.GetByteCount(unit) * (body.Length / Math.Max(1, unit.Length) + 1) < bytes)
        {
            body.Append(unit);
            // In paragraphs: a blank line after every kilobyte, so the shape meets Markdig and the typesetter in the
            // size real paragraphs have, rather than as one paragraph (which HP0090 refuses).
            if (paragraphs && (sinceBreak += unitBytes) >= 1_000) { body.Append("\n\n"); sinceBreak = 0; }
        }
        return FrontMatter(title, extra) + body;
    }

    /// <summary>Prose of policy-paper words, about ten bytes a word: 2 MB of it is 210,000 words.</summary>
    public const string LongerProse = "Negotiations concerning transboundary infrastructure continued throughout September, ministers confirmed. ";

    /// <summary>Markdown shapes whose parse cost can grow faster than their size, each at the size limit.</summary>
    public static IReadOnlyList<(string Name, string Body)> MarkdownShapes(int bytes, bool paragraphs) =>
    [
        ("`[a](` unclosed link destinations", Repeat("Links", "[a](", bytes, paragraphs: paragraphs)),
        ("`[a](b(` nested parentheses", Repeat("Parens", "[a](b(", bytes, paragraphs: paragraphs)),
        ("`[a](b (c` titles never closed", Repeat("Titles", "[a](b (c ", bytes, paragraphs: paragraphs)),
        ("`[^a]: b [` note definitions with brackets", Repeat("Notes", "[^a]: b [\n", bytes, paragraphs: paragraphs)),
        ("`[a][` reference links never closed", Repeat("Refs", "[a][ ", bytes, paragraphs: paragraphs)),
        ("`[[[[` brackets nested", Repeat("Nested", "[[[[[[[[[[[[[[[[[[[[ ", bytes, paragraphs: paragraphs)),
        ("`![a](` images never closed", Repeat("Images", "![a]( ", bytes, paragraphs: paragraphs)),
        ("`*a _b **c __d` emphasis delimiters never closed", Repeat("Emphasis", "*a _b **c __d ***e ", bytes, paragraphs: paragraphs)),
        ("`` `a ``b ```c `` backtick runs of every length", Repeat("Backticks", "`a ``b ```c ````d `````e ", bytes, paragraphs: paragraphs)),
        ("`<a href=\"` raw HTML never closed", Repeat("Html", "<a href=\"x ", bytes, paragraphs: paragraphs)),
        ("`<http://a` autolinks never closed", Repeat("Autolinks", "<http://a ", bytes, paragraphs: paragraphs)),
        ("`> ` blockquotes 1,000 deep", Repeat("Quotes", string.Concat(Enumerable.Repeat("> ", 1_000)) + "a\n\n", bytes, paragraphs: paragraphs)),
        ("`- ` lists nested 500 deep", Repeat("Lists", string.Concat(Enumerable.Range(0, 500).Select(i => new string(' ', 2 * i) + "- a\n")) + "\n", bytes, paragraphs: paragraphs)),
        ("50,000 link reference definitions", Repeat("Definitions", "[l]: /u\n", bytes, paragraphs: paragraphs)),
        ("`&#x41;` character references", Repeat("Entities", "&#x41;&amp;&copy; ", bytes, paragraphs: paragraphs)),
        ("`|a|` pipe lines without a header row", Repeat("Pipes", "|a|b|c|d|e|f|g|h|\n", bytes, paragraphs: paragraphs)),
        ("`[x]: <` definitions with open angle destinations", Repeat("Angles", "[x]: <a\n", bytes, paragraphs: paragraphs)),
        ("`\\` backslash runs before brackets", Repeat("Escapes", "\\\\\\[\\]\\(\\) ", bytes, paragraphs: paragraphs)),
        ("emphasis inside open brackets `[*[_`", Repeat("Mixed", "[*[_a ", bytes, paragraphs: paragraphs)),
        ("one paragraph of short words (no blank line)", Repeat("Paragraph", "ab cd ef gh ", bytes, paragraphs: paragraphs)),
        ("ordinary prose with links", Repeat("Prose", "The border crossing was [closed](https://example.org/a) on *Monday*, said the minister. ", bytes, paragraphs: paragraphs)),
        ("prose of longer words", Repeat("Longer", LongerProse, bytes, paragraphs: paragraphs)),
    ];

    public static string Footnotes(int notes) =>
        FrontMatter("Notes") + string.Concat(Enumerable.Range(1, notes).Select(i => $"Claim {i}.[^n{i}]\n\n")) +
        string.Concat(Enumerable.Range(1, notes).Select(i => $"[^n{i}]: Source {i}.\n"));

    public static string Table(int rows, int columns) =>
        FrontMatter("Table") + "|" + string.Concat(Enumerable.Range(0, columns).Select(c => $" h{c} |")) + "\n|" +
        string.Concat(Enumerable.Repeat("---|", columns)) + "\n" +
        string.Concat(Enumerable.Range(0, rows).Select(r => "|" + string.Concat(Enumerable.Range(0, columns).Select(c => $" {r % 10} |")) + "\n"));

    public static string Word(int length) => FrontMatter("Word") + new string('w', length) + "\n";

    public static string WithFigure(string title, string file, string? extra = null) =>
        FrontMatter(title, extra) + $"Text before the figure.\n\n![A figure]({file} \"A figure\")\n\nText after it.\n";

    // ---- pictures ----

    /// <summary>A PNG whose header claims <paramref name="width"/> × <paramref name="height"/> with a few rows of real data.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        using var output = new MemoryStream();
        TestImages.PngSignatureAndHeader(output, width, height, colourType: 0);
        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                // Every row of a grey picture compresses to almost nothing: a 20,000 × 20,000 PNG fits in a few hundred KB.
                var row = new byte[1 + width];
                for (var y = 0; y < height; y++) zlib.Write(row);
            }
            TestImages.PngChunk(output, "IDAT", pixels.ToArray());
        }
        TestImages.PngChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A real PNG whose compressed data inflates to ten times what its header allows (a zip bomb in IDAT).</summary>
    public static byte[] PngInflatingPastItsHeader()
    {
        using var output = new MemoryStream();
        TestImages.PngSignatureAndHeader(output, 1_000, 1_000, colourType: 0);
        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[1 + 1_000];
                for (var y = 0; y < 10_000; y++) zlib.Write(row);
            }
            TestImages.PngChunk(output, "IDAT", pixels.ToArray());
        }
        TestImages.PngChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A valid PNG cut at half its length.</summary>
    public static byte[] PngTruncated()
    {
        var whole = TestImages.PngVariant(400, 300, 2, 8, interlaced: false);
        return whole[..(whole.Length / 2)];
    }

    /// <summary>A valid PNG with its compressed pixels overwritten by noise (the chunk's CRC made right again).</summary>
    public static byte[] PngWithNoiseForPixels()
    {
        using var output = new MemoryStream();
        TestImages.PngSignatureAndHeader(output, 400, 300, colourType: 2);
        var noise = new byte[40_000];
        new Random(15).NextBytes(noise);
        noise[0] = 0x78;
        noise[1] = 0x9C; // a zlib header, so only the data behind it is garbage
        TestImages.PngChunk(output, "IDAT", noise);
        TestImages.PngChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A valid PNG with one CRC wrong.</summary>
    public static byte[] PngWithBadCrc()
    {
        var bytes = TestImages.PngVariant(64, 64, 2, 8, interlaced: false);
        bytes[8 + 8 + 13] ^= 0xFF; // IHDR's CRC
        return bytes;
    }

    /// <summary>
    /// A JPEG whose headers are real (JFIF, quantisation and Huffman tables, a 1,600 × 1,200 baseline frame, a scan)
    /// and whose entropy-coded data is random bytes: what the issue's attacker had published.
    /// </summary>
    public static byte[] JpegWithGarbageData(bool keepEndMarker = true, int width = 1_600, int height = 1_200)
    {
        var real = TestImages.Jpeg(width, height);
        var scanStart = IndexOfMarker(real, 0xDA);
        var scanHeaderLength = (real[scanStart + 2] << 8) | real[scanStart + 3];
        var dataStart = scanStart + 2 + scanHeaderLength;
        var garbage = new byte[60_000];
        new Random(15).NextBytes(garbage);
        // No 0xFF bytes: a marker inside would end the scan early; the data must look like entropy-coded data and not be.
        for (var i = 0; i < garbage.Length; i++) if (garbage[i] == 0xFF) garbage[i] = 0x7F;
        return [.. real.AsSpan(0, dataStart), .. garbage, .. keepEndMarker ? new byte[] { 0xFF, 0xD9 } : []];
    }

    /// <summary>A JPEG of real headers that ends right after its scan header.</summary>
    public static byte[] JpegCutAfterScanHeader()
    {
        var real = TestImages.Jpeg(800, 600);
        var scanStart = IndexOfMarker(real, 0xDA);
        var scanHeaderLength = (real[scanStart + 2] << 8) | real[scanStart + 3];
        return real[..(scanStart + 2 + scanHeaderLength)];
    }

    /// <summary>A JPEG frame claiming 65,000 × 65,000 pixels (4.2 gigapixels) with a few bytes of data.</summary>
    public static byte[] JpegClaimingHuge() => JpegWithGarbageData(true, 65_000, 65_000);

    private static int IndexOfMarker(byte[] jpeg, byte marker)
    {
        for (var i = 2; i + 1 < jpeg.Length; i++)
            if (jpeg[i] == 0xFF && jpeg[i + 1] == marker) return i;
        throw new InvalidOperationException($"marker FF{marker:X2} not found");
    }

    // ---- Unicode ----

    /// <summary>One character of every general category (a code point that .NET puts in it), and the noncharacters.</summary>
    public static IReadOnlyList<(string Name, string Text)> EveryCategory()
    {
        var found = new SortedDictionary<System.Globalization.UnicodeCategory, string>();
        foreach (var codePoint in new[] { 0x41, 0x61, 0x1C5, 0x2B0, 0x5D0, 0x300, 0x903, 0x20DD, 0x661, 0x2160, 0xB2, 0x5F, 0x2011, 0x28, 0x29,
                     0xAB, 0xBB, 0x21, 0x2B, 0x24, 0x5E, 0xA9, 0x3000, 0x2028, 0x2029, 0x07, 0x200B, 0xE000, 0x378 })
        {
            var text = char.ConvertFromUtf32(codePoint);
            found.TryAdd(System.Globalization.CharUnicodeInfo.GetUnicodeCategory(text, 0), text);
        }
        var list = found.Select(pair => ($"{pair.Key} U+{char.ConvertToUtf32(pair.Value, 0):X4}", pair.Value)).ToList();
        list.Add(("Surrogate (a lone high surrogate, written as CESU bytes)", "\uD800"));
        list.Add(("Noncharacter U+FFFE", "\uFFFE"));
        list.Add(("Noncharacter U+FDD0", "\uFDD0"));
        list.Add(("Noncharacter U+10FFFF", char.ConvertFromUtf32(0x10FFFF)));
        list.Add(("Zero-width joiner U+200D", "\u200D"));
        list.Add(("Right-to-left override U+202E", "\u202E"));
        list.Add(("Byte-order mark U+FEFF", "\uFEFF"));
        list.Add(("Combining mark alone U+0301", "\u0301"));
        list.Add(("Emoji with skin tone", "\U0001F44D\U0001F3FD"));
        list.Add(("NUL U+0000", "\0"));
        return list;
    }

    /// <summary>Every field of the front matter with <paramref name="text"/> in it (inside, quoted, so YAML takes it as text).</summary>
    public static IReadOnlyList<(string Field, string Draft)> InEveryField(string text, int n)
    {
        var q = Quote("A" + text + "b");
        string Draft(string? title = null, string? authors = null, string? extra = null, string? abstractText = null) =>
            $"---\ntitle: {title ?? Quote($"Unicode {n}")}\ndate: 2026-03-17\nauthors: {authors ?? "Anna Kovács"}\nabstract: {abstractText ?? "An abstract."}\n{extra}\n---\n\nThe text {text} of the paper.\n";
        return
        [
            ("title", Draft(title: q)),
            ("subtitle", Draft(extra: $"subtitle: {q}")),
            ("authors (name)", Draft(authors: q)),
            ("authors (role)", Draft(authors: $"\n  - name: Anna Kovács\n    role: {q}")),
            ("copy_editors", Draft(extra: $"copy_editors: [{q}]")),
            ("abstract", Draft(abstractText: q)),
            ("keywords", Draft(extra: $"keywords: [{q}, {Quote(text)}]")),
            ("cover alt and credit", Draft(extra: $"cover:\n  image: cover.png\n  alt: {q}\n  credit: {q}")),
            ("slug", Draft(extra: $"slug: {Quote("a" + text + "b")}")),
            ("series", Draft(extra: $"series: {q}")),
            ("number", Draft(extra: $"number: {Quote("2026/" + text)}")),
            ("doi", Draft(extra: $"doi: {Quote("10.1234/" + text)}")),
            ("translation_of", Draft(extra: $"translation_of: {Quote("a" + text)}")),
            ("corrects", Draft(extra: $"corrects: {Quote("a" + text)}")),
            ("language", Draft(extra: $"language: {Quote(text)}")),
            ("date", Draft().Replace("date: 2026-03-17", $"date: {Quote("2026-03-1" + text)}", StringComparison.Ordinal)),
            ("field name", Draft(extra: $"{Quote("x" + text)}: y")),
        ];
    }

    // Double-quoted YAML, with the characters YAML itself must see escaped written as escapes.
    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>UTF-8, except that lone surrogates are written as their three CESU-8 bytes (what a broken editor saves).</summary>
    public static byte[] Encode(string text)
    {
        var output = new MemoryStream();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                output.Write(Encoding.UTF8.GetBytes(text.Substring(i, 2)));
                i++;
            }
            else if (char.IsSurrogate(c))
                output.Write([(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))]);
            else
                output.Write(Encoding.UTF8.GetBytes(c.ToString()));
        }
        return output.ToArray();
    }
}
