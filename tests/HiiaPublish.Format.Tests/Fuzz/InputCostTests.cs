using System.Globalization;
using System.Text;
using CsCheck;
using HiiaPublish.Format;
using HiiaPublish.Format.Tests.Support;

namespace HiiaPublish.Format.Tests.Fuzz;

/// <summary>
/// Issue 15: every input has a bounded cost and crashes nothing. Cost is counted, not timed: the bytes the parser
/// allocates on this thread (GC.GetAllocatedBytesForCurrentThread), and for the shapes whose cost is Markdig's
/// rescanning rather than allocation, the refusal before Markdig runs. Each generator builds one class of hostile
/// input: Markdown shapes repeated to a size, code points of every Unicode category in every field, images cut short,
/// scrambled or claiming huge sizes, and floods of notes, rows and columns.
/// </summary>
public class InputCostTests
{
    private static readonly PerspectiveParser Parser = new();

    // A parse may allocate this much per byte of draft and per line (a paragraph's blocks and inlines), plus a floor.
    // The line limit (50,000) bounds the second term; the test at the size limit below checks the sum stays in 256 MB.
    private const long AllocatedPerByte = 100;
    private const long AllocatedPerLine = 2_500;
    private const long AllocatedFloor = 16 * 1024 * 1024;

    private static long Budget(string draft) =>
        AllocatedFloor + AllocatedPerByte * Encoding.UTF8.GetByteCount(draft) + AllocatedPerLine * draft.Count(c => c == '\n');

    private const string Header = "---\ntitle: The Test Paper\ndate: 2026-04-21\nauthors: [Anna Kovács]\nabstract: A short abstract.\n---\n\n## Introduction\n\n";

    // Shapes found by trying (docs/performance.md, "Hold under attack"): the first three made Markdig rescan to the end
    // of the paragraph for each repetition; the others stress nesting, delimiters, notes, tables and HTML.
    private static readonly string[] Shapes =
    [
        "[a](", "[a](b(", "[a](b (c", "![a](", "[^a]: b [", "[a][", "[a\n", "a* ", "**a", "_a ", "[", "`a ", "<a b='", "[^1] ",
        "| x ", "> ", "- ", "1. ", "&#", "\\[", "<http://", "www.", "*a **b ***c ", "[x](javascript:1) ", "<b>", "a\n", "a",
    ];

    private static readonly Gen<string> PathologicalDraft =
        Gen.Select(Gen.OneOf(Shapes), Gen.Int[1_000, 200_000], Gen.OneOf("", " ", "\n", "\n\n", "x"),
            (shape, size, separator) =>
            {
                var body = new StringBuilder(size + 64);
                while (body.Length < size) body.Append(shape).Append(separator);
                return Header + body;
            });

    private static (ParseResult Result, long Allocated) ParseCounting(string draft, IDraftAssets? assets = null)
    {
        var content = Encoding.UTF8.GetBytes(draft);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Parser.Parse(new DraftSource("draft.md", content, assets ?? MemoryDraftAssets.None));
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void PathologicalShapes_NeverThrow_AndAllocateInProportionToTheirSize()
    {
        PathologicalDraft.Sample(draft =>
        {
            var (result, allocated) = ParseCounting(draft);
            Assert.True(allocated <= Budget(draft), $"{allocated:N0} bytes allocated for a draft of {draft.Length:N0} characters");
            Assert.Equal(result.HasErrors, result.Perspective is null);
        }, iter: 60, print: draft => draft[Header.Length..Math.Min(Header.Length + 40, draft.Length)] + $"… ({draft.Length:N0} characters)");
    }

    [Theory]
    [InlineData("[a](", "HP0061")]
    [InlineData("[a](b(", "HP0062")]
    [InlineData("[a](b (c", "HP0062")]
    [InlineData("[^a]: b [", "HP0063")]
    [InlineData("[a][", "HP0063")]
    [InlineData("a\n", "HP0060")]
    // The red-team rerun: one paragraph of 2 MB (751 MB to render), and quotes 70 deep on every line (Markdig spent
    // seconds building the containers before refusing them).
    [InlineData("ab cd ", "HP0090")]
    [InlineData("*a _b **c __d ***e ", "HP0092")]
    [InlineData("> > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > a\n\n", "HP0040")]
    public void TheQuadraticShapes_AtTheSizeLimit_AreRefusedBeforeMarkdigRuns(string shape, string code)
    {
        var body = new StringBuilder();
        while (body.Length + shape.Length < 2 * 1024 * 1024 - Header.Length - 16) body.Append(shape);
        var draft = Header + body;

        var (result, allocated) = ParseCounting(draft);

        Assert.Contains(result.Diagnostics, d => d.Code == code);
        // Markdig never ran: reading the text costs its UTF-16 copy and line table, and little more.
        Assert.True(allocated < 16L * draft.Length, $"{allocated:N0} bytes allocated");
    }

    [Theory]
    [InlineData("a* \n\n")]
    [InlineData("Lorem *ipsum* dolor [sit](https://hiia.hu) amet, ")]
    [InlineData("- a\n")]
    [InlineData("> a\n")]
    [InlineData("| x | y |\n")]
    [InlineData("a[^1] ")]
    public void TheWorstShapesAtTheSizeAndLineLimits_CheckWithin256MB(string shape)
    {
        // As many lines as allowed, each as long as the size limit then allows: the most of both terms at once.
        var lines = 49_000;
        var perLine = (2 * 1024 * 1024 - Header.Length) / lines - 1;
        var line = string.Concat(Enumerable.Repeat(shape.TrimEnd('\n'), perLine / Math.Max(1, shape.TrimEnd('\n').Length) + 1))[..perLine];
        var body = new StringBuilder();
        for (var i = 0; i < lines; i++) body.Append(line).Append('\n');
        var draft = Header + "| a | b |\n|---|---|\n" + body + "\n[^1]: A note.\n";

        var (_, allocated) = ParseCounting(draft);

        Assert.True(allocated < 256L * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void AllocationGrowsLinearly_ForEveryShape_WhenTheDraftDoubles()
    {
        foreach (var shape in Shapes)
        {
            var (_, small) = ParseCounting(Repeat(shape, 50_000));
            var (_, large) = ParseCounting(Repeat(shape, 100_000));
            Assert.True(large <= 3 * small + AllocatedFloor, $"'{shape}': {small:N0} bytes at 50 KB, {large:N0} at 100 KB");
        }
    }

    private static string Repeat(string shape, int size)
    {
        var body = new StringBuilder(size + 16);
        while (body.Length < size) body.Append(shape).Append(' ');
        return Header + body;
    }

    // Code points of every general category, from every plane that has them, noncharacters and lone surrogates too.
    private static readonly Gen<string> AnyCodePoints =
        Gen.OneOf(Gen.Int[0, 0x10FFFF], Gen.Int[0xFDD0, 0xFDEF], Gen.OneOf(Gen.Const(0xFFFE), Gen.Const(0xFFFF), Gen.Const(0x1FFFE)),
                Gen.Int[0xD800, 0xDFFF], Gen.Int[0x2000, 0x206F], Gen.Int[0x0300, 0x036F], Gen.Int[0, 0x7F])
            .Select(codePoint => codePoint is >= 0xD800 and <= 0xDFFF ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint))
            .Array[1, 6].Select(parts => string.Concat(parts));

    private static readonly string[] Fields = ["title", "subtitle", "keywords", "author", "copy_editors", "series", "slug", "alt", "abstract", "body", "note", "number", "doi", "translation_of", "corrects"];

    [Fact]
    public void EveryUnicodeCategory_InEveryField_NeverThrows_AndNeverYieldsAnEmptyOrInvisibleValue()
    {
        // CsCheck samples on several threads at once: the record of categories seen is shared, so it is locked.
        var categories = new HashSet<UnicodeCategory>();
        Gen.Select(Gen.OneOf(Fields), AnyCodePoints, Gen.Bool).Sample((field, text, alone) =>
        {
            lock (categories)
                foreach (var rune in text.EnumerateRunes()) categories.Add(Rune.GetUnicodeCategory(rune));
            var value = alone ? text : "Word " + text + " word";
            var draft = DraftWith(field, value);
            var bytes = Encoding.UTF8.GetBytes(draft); // a lone surrogate becomes U+FFFD, as a saved file would hold it
            var result = Parser.Parse(new DraftSource("draft.md", bytes, new MemoryDraftAssets(new Dictionary<string, byte[]> { ["cover.png"] = Drafts.PngBytes })));
            Assert.Equal(result.HasErrors, result.Perspective is null);
            if (result.Perspective is not { Metadata: var metadata }) return;
            Assert.True(SlugBuilder.IsValid(metadata.Slug), $"slug '{metadata.Slug}'");
            Assert.True(metadata.Corrects is null || metadata.Corrects == metadata.Slug, $"corrects '{metadata.Corrects}'");
            Assert.All(metadata.Keywords, keyword => Assert.True(HasVisible(keyword), $"keyword '{keyword}'"));
            Assert.True(HasVisible(metadata.Title));
            Assert.All(metadata.Authors, author => Assert.True(HasVisible(author.Name)));
            Assert.DoesNotContain(draft, c => c is '\uFFFE' or '\uFFFF' && result.Perspective is not null);
        }, iter: 3_000, print: t => $"{t.Item1}: {string.Join(" ", t.Item2.EnumerateRunes().Select(r => $"U+{r.Value:X4}"))}");
        // The generator really reaches the categories that matter here.
        Assert.Superset(new HashSet<UnicodeCategory> { UnicodeCategory.Format, UnicodeCategory.NonSpacingMark, UnicodeCategory.OtherNotAssigned,
            UnicodeCategory.Control, UnicodeCategory.SpaceSeparator, UnicodeCategory.PrivateUse }, categories);
    }

    private static bool HasVisible(string text) => text.EnumerateRunes().Any(rune =>
        Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.SpaceSeparator or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.Control or UnicodeCategory.EnclosingMark or UnicodeCategory.OtherNotAssigned));

    private static string DraftWith(string field, string value)
    {
        var quoted = "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        string Field(string name, string otherwise) => field == name ? quoted : otherwise;
        return "---\n" +
               $"title: {Field("title", "The Test Paper")}\n" +
               (field == "subtitle" ? $"subtitle: {quoted}\n" : "") +
               (field == "series" ? $"series: {quoted}\n" : "") +
               (field == "slug" ? $"slug: {quoted}\n" : "") +
               (field == "number" ? $"number: {quoted}\n" : "") +
               (field == "doi" ? $"doi: {quoted}\n" : "") +
               (field == "translation_of" ? $"translation_of: {quoted}\n" : "") +
               (field == "corrects" ? $"corrects: {quoted}\n" : "") +
               (field == "keywords" ? $"keywords: [{quoted}]\n" : "") +
               (field == "copy_editors" ? $"copy_editors: [{quoted}]\n" : "") +
               (field == "alt" ? $"cover:\n  image: cover.png\n  alt: {quoted}\n" : "") +
               "date: 2026-04-21\n" +
               $"authors: [{Field("author", "Anna Kovács")}]\n" +
               $"abstract: {Field("abstract", "A short abstract.")}\n" +
               "---\n\n## Introduction\n\n" +
               (field == "body" ? value : "Text") + (field == "note" ? "[^n]\n\n[^n]: " + value : "") + "\n";
    }

    private static readonly Gen<byte[]> DamagedImage =
        Gen.Select(Gen.OneOf(Gen.Const(0), Gen.Const(1), Gen.Const(2)), Gen.Int[1, 60], Gen.Int[1, 40], Gen.Int, Gen.Int[0, 2],
            (kind, width, height, seed, damage) =>
            {
                var image = kind switch
                {
                    0 => HiiaPublish.Testing.TestImages.PngVariant(width, height, 2, 8, interlaced: seed % 2 == 0, seed),
                    1 => HiiaPublish.Testing.TestImages.Png(width, height),
                    _ => HiiaPublish.Testing.TestImages.Jpeg(width * 8, height * 8),
                };
                var random = new Random(seed);
                switch (damage)
                {
                    case 0: return image[..random.Next(8, image.Length)]; // cut short
                    case 1:
                        var flipped = image.ToArray();
                        flipped[random.Next(8, flipped.Length)] ^= (byte)random.Next(1, 256); // one byte scrambled
                        return flipped;
                    default:
                        var garbage = image.ToArray();
                        random.NextBytes(garbage.AsSpan(garbage.Length / 2)); // the second half replaced
                        return garbage;
                }
            });

    [Fact]
    public void DamagedImages_NeverThrow_AndAreRefusedWithAPosition_UnlessStillWhole()
    {
        DamagedImage.Sample(image =>
        {
            var name = image[0] == 0x89 ? "figure.png" : "figure.jpg";
            var (result, _) = ParseCounting(Header + $"![A figure]({name})\n", new MemoryDraftAssets(new Dictionary<string, byte[]> { [name] = image }));
            var codes = result.Diagnostics.Select(d => d.Code).ToArray();
            // A scrambled byte in a PNG's data is always found (CRC); in a JPEG's it may still decode as some picture.
            // A scrambled size in a JPEG frame header may claim too many pixels: refused from the header (HP0068).
            Assert.All(codes, code => Assert.Contains(code, new[] { "HP0070", "HP0078", "HP0027", "HP0068" }));
            if (name == "figure.png") Assert.NotEmpty(codes);
        }, iter: 3_000);
    }

    [Theory]
    [InlineData(100_000, 100_000)]
    [InlineData(20_000, 20_000)]
    [InlineData(65_535, 65_535)]
    [InlineData(1, int.MaxValue)]
    public void AHugeImageHeader_IsRefusedFromTheHeader_WithoutDecoding(int width, int height)
    {
        var image = HiiaPublish.Testing.TestImages.PngHeaderOnly(width, height);

        var (result, allocated) = ParseCounting(Header + "![A figure](figure.png)\n", new MemoryDraftAssets(new Dictionary<string, byte[]> { ["figure.png"] = image }));

        Assert.Equal(["HP0068"], result.Diagnostics.Select(d => d.Code));
        Assert.True(allocated < AllocatedFloor, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void NoteRowAndColumnFloods_AreRefusedPastTheirLimits_AndCostInProportion()
    {
        Gen.Select(Gen.Int[0, 3], Gen.Int[1, 3_000]).Sample((kind, count) =>
        {
            var body = new StringBuilder();
            string expected;
            switch (kind)
            {
                case 0:
                    for (var i = 0; i < count; i++) body.Append($"Claim[^n{i}].\n\n");
                    for (var i = 0; i < count; i++) body.Append($"[^n{i}]: Note {i}.\n\n");
                    expected = 2 * count > 5_000 ? "HP0074" : count > 1_000 ? "HP0065" : "";
                    break;
                case 1:
                    body.Append("| a | b |\n|---|---|\n");
                    for (var i = 0; i < count; i++) body.Append("| x | y |\n");
                    expected = count + 1 > 1_000 ? "HP0066" : "";
                    break;
                case 2:
                    var columns = count / 50 + 1;
                    body.Append('|').Append(string.Concat(Enumerable.Repeat(" h |", columns))).Append('\n');
                    body.Append('|').Append(string.Concat(Enumerable.Repeat("---|", columns))).Append('\n');
                    body.Append('|').Append(string.Concat(Enumerable.Repeat(" c |", columns))).Append('\n');
                    expected = columns > 24 ? "HP0067" : "";
                    break;
                default:
                    body.Append(new string('w', count)).Append(" and more.\n");
                    expected = count > 1_000 ? "HP0061" : "";
                    break;
            }
            var draft = Header + body;
            var (result, allocated) = ParseCounting(draft);
            if (expected.Length == 0) Assert.Empty(result.Diagnostics);
            else Assert.Contains(result.Diagnostics, d => d.Code == expected);
            Assert.True(allocated <= Budget(draft), $"{allocated:N0} bytes for {draft.Length:N0} characters");
        }, iter: 80);
    }
}
