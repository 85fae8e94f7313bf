using System.Diagnostics;
using System.Text;
using System.Xml.Linq;
using HiiaPublish.Format;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace HiiaPublish.Rendering.Tests.Samples;

/// <summary>
/// The PDF keeps every promise it makes (issue 16): its XMP declares PDF/A-2u and PDF/UA-1, and what it writes meets
/// them — printed, described, tagged links; header scopes, note ids, tagged lists, headings in order; text that
/// extracts as the source's words. Read back from the two samples and from the accessible-paper fixture (a table, a
/// figure, lists, long notes, a URL, hyphenated words), as a reader's software sees the files.
/// </summary>
public partial class PdfPromiseTests
{
    private static readonly Lazy<(Perspective Perspective, byte[] Pdf)> AccessiblePaper = new(() => RenderFixture("accessible-paper"));

    public static TheoryData<string> Papers()
    {
        var papers = new TheoryData<string>();
        foreach (var name in RenderedSample.Names)
            papers.Add(name);
        papers.Add("accessible-paper");
        return papers;
    }

    private static (Perspective Perspective, byte[] Pdf) Paper(string name)
    {
        if (name == "accessible-paper")
            return AccessiblePaper.Value;
        var sample = RenderedSample.Get(name);
        return (sample.Perspective, sample.Pdf);
    }

    [Theory, MemberData(nameof(Papers))]
    public void Xmp_DeclaresPdfA2u_AndPdfUA1_WithTheExtensionSchemaForPdfuaid(string name)
    {
        var (perspective, pdf) = Paper(name);
        Assert.Empty(XmpProblems(pdf, perspective.Metadata.Title));
    }

    [Fact]
    public void Xmp_Check_FailsForThePacketPdfSharpWrites()
    {
        // PDFsharp 6.2's own packet (what the file carried before): PDF/A-1a, no PDF/UA, no extension schema.
        var pdfSharp = Encoding.UTF8.GetBytes("""
            %PDF-1.7
            <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">T</rdf:li></rdf:Alt></dc:title></rdf:Description>
            <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>1</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance></rdf:Description>
            </rdf:RDF></x:xmpmeta><?xpacket end="w"?>
            """);
        var problems = XmpProblems(pdfSharp, "T");
        Assert.Contains(problems, p => p.Contains("pdfaid:part", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("pdfuaid:part", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("extension schema", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Papers))]
    public void EveryAnnotation_IsPrinted_SaysWhereItGoes_AndSitsInALinkElement(string name)
    {
        using var pdf = PdfDocument.Open(Paper(name).Pdf);
        var parentTree = ParentTree(pdf);
        var annotations = 0;
        foreach (var page in pdf.GetPages())
        {
            if (!page.Dictionary.TryGet(NameToken.Create("Annots"), out var annotsToken))
                continue;
            Assert.True(Name(page.Dictionary, "Tabs") == "S", $"page {page.Number} has annotations but no /Tabs /S");
            foreach (var item in ((ArrayToken)Resolve(pdf, annotsToken)).Data)
            {
                annotations++;
                var reference = ((IndirectReferenceToken)item).Data;
                var annotation = (DictionaryToken)Resolve(pdf, item);
                var where = $"annotation {reference} on page {page.Number}";
                // Print (4) set; Invisible (1), Hidden (2), NoView (32) clear: PDF/A 6.3.2.
                var flags = Number(annotation, "F");
                Assert.True(flags is { } f && (f & 4) != 0 && (f & (1 | 2 | 32)) == 0, $"{where}: /F is {flags?.ToString() ?? "missing"}");
                var contents = Text(annotation, "Contents");
                Assert.False(string.IsNullOrWhiteSpace(contents), $"{where} has no /Contents");
                Assert.False(contents!.StartsWith("http", StringComparison.Ordinal), $"{where}: /Contents reads the URL out: {contents}");
                var key = Number(annotation, "StructParent");
                Assert.True(key is not null && parentTree.TryGetValue(key.Value, out _), $"{where}: /StructParent {key} is not in the parent tree");
                var element = (DictionaryToken)Resolve(pdf, parentTree[key!.Value]);
                Assert.Equal("Link", Name(element, "S"));
                Assert.Contains(Kids(pdf, element).OfType<DictionaryToken>(),
                    k => Name(k, "Type") == "OBJR" && k.Data.TryGetValue("Obj", out var obj) && ((IndirectReferenceToken)obj).Data.Equals(reference));
            }
        }
        Assert.True(annotations > 0, "the paper has no links to check");
    }

    [Theory, MemberData(nameof(Papers))]
    public void Structure_HeaderCellsHaveScope_NotesHaveIds_ListsAreTagged_HeadingsInOrder(string name)
    {
        var (perspective, bytes) = Paper(name);
        using var pdf = PdfDocument.Open(bytes);
        var elements = StructureElements(pdf).ToList();
        Assert.Empty(StructureProblems(pdf, elements));

        Assert.Equal(perspective.Footnotes.Count > 0, elements.Any(e => Name(e, "S") == "Note"));
        Assert.Equal(perspective.Body.OfType<Table>().Any(), elements.Any(e => Name(e, "S") == "TH"));
        Assert.Equal(perspective.Body.OfType<ListBlock>().Any(), elements.Any(e => Name(e, "S") == "L"));
    }

    [Fact]
    public void Structure_Check_FailsForAHeadingThatSkipsALevel_AndForAnUnscopedHeaderCell()
    {
        static DictionaryToken Element(string type, params (string Key, IToken Value)[] entries)
        {
            var data = new Dictionary<NameToken, IToken> { [NameToken.Create("S")] = NameToken.Create(type) };
            foreach (var (key, value) in entries)
                data[NameToken.Create(key)] = value;
            return new DictionaryToken(data);
        }
        using var pdf = PdfDocument.Open(RenderedSample.Get(RenderedSample.Names.First()).Pdf);
        var problems = StructureProblems(pdf, [Element("H1"), Element("H3"), Element("TH"), Element("Note"), Element("L")]);
        Assert.Contains(problems, p => p.Contains("H3 follows H1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("TH without /Scope", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Note without /ID", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("L without LI", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Papers))]
    public void PdfToText_GivesEachParagraphsWordsWhole_NoneSplitNorJoined(string name)
    {
        var (perspective, pdf) = Paper(name);
        AssertEveryParagraphWhole(perspective, Tokens(PdfToText(pdf)));
    }

    /// <summary>Each source paragraph's words stand whole and in order in <paramref name="extracted"/>; else every miss is named.</summary>
    private static void AssertEveryParagraphWhole(Perspective perspective, List<string> extracted)
    {
        var problems = new List<string>();
        foreach (var words in SourceParagraphs(perspective))
            if (MissingWords(extracted, words) is { } problem)
                problems.Add(problem);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void WordCheck_FailsForASplitWord_AndForTwoJoinedWords()
    {
        string[] words = ["the", "Hungarian", "border", "is", "near"];
        Assert.Null(MissingWords(Tokens("x y the Hun\u00AD\ngarian border\nis near z"), words));
        Assert.Null(MissingWords(Tokens("the Hungarian bor\u00AD\n1 A note.\n3\f der is near"), words));   // across a page
        Assert.NotNull(MissingWords(Tokens("the Hun-\ngarian border is near"), words));   // split
        Assert.NotNull(MissingWords(Tokens("the Hungarian borderis near"), words));      // joined
    }

    [Fact]
    public void AccessiblePaper_SameSource_GivesIdenticalBytes()
    {
        Assert.Equal(AccessiblePaper.Value.Pdf, RenderFixture("accessible-paper").Pdf);
    }

    [Fact]
    public void AccessiblePaper_HyphenatesWords_AndSomeLineEndsInsideAWord()
    {
        // Without breaks inside words the text check above would prove nothing about them.
        var text = PdfToText(AccessiblePaper.Value.Pdf);
        Assert.True(text.Split('\u00AD').Length > 3, "fewer than three line ends inside a word");
    }

    [Theory, MemberData(nameof(Papers))]
    public void EveryGlyph_MapsToUnicode(string name)
    {
        using var pdf = PdfDocument.Open(Paper(name).Pdf);
        var unmapped = pdf.GetPages().SelectMany(p => UnmappedLetters(p.Letters.Select(l => l.Value)).Select(v => $"page {p.Number}: U+{(int)v[0]:X4}"));
        Assert.Empty(unmapped.Distinct());
    }

    [Fact]
    public void GlyphCheck_FailsForAGlyphReadAsItsId()
    {
        // A glyph without a ToUnicode entry reads as its glyph id taken for a character (here glyph 3, the space).
        Assert.Equal(["\u0003", ""], UnmappedLetters(["a", "\u0003", "\u00E1", "", "\u2019"]));
    }

    /// <summary>Letters whose text is empty, a control character or the replacement character: no Unicode behind the glyph.</summary>
    private static List<string> UnmappedLetters(IEnumerable<string> values) =>
        [.. values.Where(v => v.Length == 0 || v.Any(c => char.IsControl(c) || c == '\uFFFD'))];

    // ---- XMP -------------------------------------------------------------------------------------------------

    private static List<string> XmpProblems(byte[] pdf, string title)
    {
        var raw = Encoding.UTF8.GetString(pdf);
        var start = raw.IndexOf("<x:xmpmeta", StringComparison.Ordinal);
        var end = raw.IndexOf("</x:xmpmeta>", StringComparison.Ordinal);
        if (start < 0 || end < 0)
            return ["no XMP packet"];
        var xmp = XDocument.Parse(raw[start..(end + "</x:xmpmeta>".Length)]);
        XNamespace pdfaid = "http://www.aiim.org/pdfa/ns/id/", pdfuaid = "http://www.aiim.org/pdfua/ns/id/";
        XNamespace schema = "http://www.aiim.org/pdfa/ns/schema#", property = "http://www.aiim.org/pdfa/ns/property#";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        string? Value(XName element) => xmp.Descendants(element).SingleOrDefault()?.Value;

        var problems = new List<string>();
        if (Value(pdfaid + "part") != "2" || Value(pdfaid + "conformance") != "U")
            problems.Add($"pdfaid:part {Value(pdfaid + "part")} conformance {Value(pdfaid + "conformance")}, not 2 U");
        if (Value(pdfuaid + "part") != "1")
            problems.Add($"pdfuaid:part is {Value(pdfuaid + "part") ?? "missing"}");
        var described = xmp.Descendants(schema + "namespaceURI").Where(e => e.Value == pdfuaid.NamespaceName)
            .Select(e => e.Parent!).SingleOrDefault();
        if (described is null || described.Element(schema + "prefix")?.Value != "pdfuaid"
            || !described.Descendants(property + "name").Any(n => n.Value == "part"))
            problems.Add("no extension schema describes pdfuaid:part");
        if (xmp.Descendants(dc + "title").SingleOrDefault()?.Value != title)
            problems.Add("dc:title is not the paper's title");
        // PDF/A-2 rests on PDF 1.7 (any header up to it); PDF/A-1 on 1.4.
        if (!raw.StartsWith("%PDF-1.", StringComparison.Ordinal) || raw[7] is < '4' or > '7')
            problems.Add("the header is not %PDF-1.4 to 1.7: " + raw[..8]);
        return problems;
    }

    // ---- structure tree ----------------------------------------------------------------------------------------

    private static List<string> StructureProblems(PdfDocument pdf, IReadOnlyList<DictionaryToken> elements)
    {
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var previousHeading = 0;
        foreach (var element in elements)
        {
            var type = Name(element, "S");
            var kids = Kids(pdf, element).OfType<DictionaryToken>().Select(k => Name(k, "S")).Where(s => s is not null).ToList();
            switch (type)
            {
                case "TH":
                    var attributes = element.Data.TryGetValue("A", out var a) ? Resolve(pdf, a) as DictionaryToken : null;
                    if (attributes is null || Name(attributes, "Scope") is not ("Column" or "Row" or "Both"))
                        problems.Add("TH without /Scope");
                    break;
                case "Note":
                    var id = Text(element, "ID");
                    if (id is null)
                        problems.Add("Note without /ID");
                    else if (!ids.Add(id))
                        problems.Add("two Notes with /ID " + id);
                    break;
                case "L" when !kids.Contains("LI"):
                    problems.Add("L without LI");
                    break;
                case "LI" when !kids.Contains("LBody") || kids.Any(k => k is not ("Lbl" or "LBody")):
                    problems.Add("LI not made of Lbl and LBody: " + string.Join(",", kids));
                    break;
                case ['H', var digit] when char.IsAsciiDigit(digit):
                    var level = digit - '0';
                    if (level > previousHeading + 1)
                        problems.Add($"H{level} follows H{previousHeading}");
                    previousHeading = level;
                    break;
            }
        }
        return problems;
    }

    /// <summary>Every structure element, depth first in document order.</summary>
    private static IEnumerable<DictionaryToken> StructureElements(PdfDocument pdf)
    {
        var root = (DictionaryToken)Resolve(pdf, pdf.Structure.Catalog.CatalogDictionary.Data["StructTreeRoot"]);
        var stack = new Stack<DictionaryToken>(Kids(pdf, root).OfType<DictionaryToken>().Reverse());
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (Name(element, "S") is null)
                continue;  // a marked-content or object reference
            yield return element;
            foreach (var kid in Kids(pdf, element).OfType<DictionaryToken>().Reverse())
                stack.Push(kid);
        }
    }

    private static IEnumerable<IToken> Kids(PdfDocument pdf, DictionaryToken element)
    {
        if (!element.Data.TryGetValue("K", out var k))
            return [];
        return Resolve(pdf, k) switch
        {
            ArrayToken array => array.Data.Select(t => Resolve(pdf, t)),
            var single => [single],
        };
    }

    private static Dictionary<int, IToken> ParentTree(PdfDocument pdf)
    {
        var root = (DictionaryToken)Resolve(pdf, pdf.Structure.Catalog.CatalogDictionary.Data["StructTreeRoot"]);
        var tree = new Dictionary<int, IToken>();
        var nodes = new Stack<DictionaryToken>([(DictionaryToken)Resolve(pdf, root.Data["ParentTree"])]);
        while (nodes.Count > 0)
        {
            var node = nodes.Pop();
            if (node.Data.TryGetValue("Nums", out var nums))
            {
                var pairs = ((ArrayToken)Resolve(pdf, nums)).Data;
                for (var i = 0; i + 1 < pairs.Count; i += 2)
                    tree[((NumericToken)pairs[i]).Int] = pairs[i + 1];
            }
            if (node.Data.TryGetValue("Kids", out var kids))
                foreach (var kid in ((ArrayToken)Resolve(pdf, kids)).Data)
                    nodes.Push((DictionaryToken)Resolve(pdf, kid));
        }
        return tree;
    }

    private static IToken Resolve(PdfDocument pdf, IToken token) =>
        token is IndirectReferenceToken reference ? Resolve(pdf, pdf.Structure.GetObject(reference.Data).Data) : token;

    private static string? Name(DictionaryToken dictionary, string key) =>
        dictionary.Data.TryGetValue(key, out var value) && value is NameToken name ? name.Data : null;

    private static int? Number(DictionaryToken dictionary, string key) =>
        dictionary.Data.TryGetValue(key, out var value) && value is NumericToken number ? number.Int : null;

    private static string? Text(DictionaryToken dictionary, string key) => dictionary.Data.TryGetValue(key, out var value)
        ? value switch { StringToken s => s.Data, HexToken h => h.Data, _ => null }
        : null;

    // ---- text --------------------------------------------------------------------------------------------------

    private static string PdfToText(byte[] pdf)
    {
        var path = Path.Combine(RepositoryPaths.Output("pdf"), $"promise-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            }) ?? throw new InvalidOperationException("pdftotext did not start; run scripts/install-deps.sh (poppler-utils).");
            var text = process.StandardOutput.ReadToEnd();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, errors);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The extracted text as words split at spaces and line ends. A word that ends in a soft hyphen goes on in the
    /// next word (the break's own hyphen, or the mark after a real one at a line end).
    /// </summary>
    private static List<string> Tokens(string text) =>
        [.. text.Split((char[])[' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries)];

    // The words a page break may put inside a paragraph: the notes at the foot of the page and its number.
    private const int PageBreakWindow = 400;

    /// <summary>
    /// Null when the paragraph's words appear among the extracted words in order, each whole; the words of one
    /// paragraph may be interrupted only by what a page break puts between them (notes, a page number), at most twice.
    /// </summary>
    private static string? MissingWords(List<string> extracted, IReadOnlyList<string> words)
    {
        string? first = null;
        for (var start = 0; start < extracted.Count; start++)
        {
            // Anchored where the first three words follow one another, so a common opening does not match elsewhere.
            var at = start;
            var anchored = true;
            for (var w = 0; w < Math.Min(3, words.Count) && anchored; w++)
                anchored = Match(extracted, ref at, words[w]);
            if (!anchored)
                continue;
            var problem = Follow(extracted, at, words);
            if (problem is null)
                return null;
            first ??= problem;
        }
        return first ?? $"'{string.Join(" ", words.Take(3))}' not found";
    }

    private static string? Follow(List<string> extracted, int at, IReadOnlyList<string> words)
    {
        var interruptions = 0;
        for (var w = Math.Min(3, words.Count); w < words.Count; w++)
        {
            var before = at;
            if (Match(extracted, ref at, words[w]))
                continue;
            // A page break: the paragraph goes on after the notes and the page number.
            var resumed = false;
            for (var skip = 1; skip < PageBreakWindow && before + skip < extracted.Count && !resumed; skip++)
            {
                at = before + skip;
                resumed = Match(extracted, ref at, words[w]);
            }
            if (!resumed || ++interruptions > 2)
                return $"'{words[w]}' (word {w + 1} of '{string.Join(" ", words.Take(8))} …') is not next: found " +
                       $"'{string.Join(" ", extracted.Skip(Math.Max(0, before - 3)).Take(8))}'";
        }
        return null;
    }

    /// <summary>
    /// Whether <paramref name="word"/> is the extracted word at <paramref name="at"/>, or begins there with a soft
    /// hyphen and goes on in the next word (or, across a page break, in a word after the page's notes).
    /// </summary>
    private static bool Match(List<string> extracted, ref int at, string word)
    {
        if (at >= extracted.Count)
            return false;
        var token = extracted[at];
        if (token == word)
        {
            at++;
            return true;
        }
        if (!token.EndsWith('\u00AD') || !word.StartsWith(token[..^1], StringComparison.Ordinal) || token.Length - 1 >= word.Length)
            return false;
        var rest = word[(token.Length - 1)..];
        var next = at + 1;
        if (Match(extracted, ref next, rest))
        {
            at = next;
            return true;
        }
        // The last word of a page, hyphenated: it goes on after the notes of the page.
        for (var skip = 2; skip < PageBreakWindow && at + skip < extracted.Count; skip++)
        {
            next = at + skip;
            if (extracted[next] == rest)
            {
                at = next + 1;
                return true;
            }
        }
        return false;
    }

    /// <summary>Each paragraph of running text (abstract, body, lists, quotations, notes) as the reader sees its words.</summary>
    private static IEnumerable<IReadOnlyList<string>> SourceParagraphs(Perspective perspective)
    {
        IEnumerable<IReadOnlyList<string>> FromBlocks(IEnumerable<Block> blocks) => blocks.SelectMany(b => b switch
        {
            Paragraph p => [Words(p.Content)],
            BlockQuote q => FromBlocks(q.Blocks),
            ListBlock l => l.Items.SelectMany(i => FromBlocks(i.Blocks)),
            _ => [],   // headings are set in capitals and numbered, tables read cell by cell: not compared here
        });
        return new[] { Words(perspective.Metadata.Abstract) }
            .Concat(FromBlocks(perspective.Body))
            .Concat(perspective.Footnotes.SelectMany(n => FromBlocks(n.Blocks)))
            .Where(w => w.Count >= 3);
    }

    /// <summary>A paragraph's words as printed: a note mark follows its word directly ("decade.1").</summary>
    private static IReadOnlyList<string> Words(IEnumerable<Inline> inlines)
    {
        var text = new StringBuilder();
        void Add(IEnumerable<Inline> content)
        {
            foreach (var inline in content)
            {
                switch (inline)
                {
                    case HiiaPublish.Format.Text t: text.Append(t.Value); break;
                    case CodeSpan c: text.Append(c.Value); break;
                    case Emphasis e: Add(e.Content); break;
                    case Strong s: Add(s.Content); break;
                    case Link l when l.IsAutolink: text.Append(l.Url); break;
                    case Link l: Add(l.Content); break;
                    case FootnoteReference r: text.Append(r.Number); break;
                    case LineBreak: text.Append(' '); break;
                }
            }
        }
        Add(inlines);
        return text.ToString().Split((char[])[' ', '\n', '\r', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
    }

    private static (Perspective Perspective, byte[] Pdf) RenderFixture(string name)
    {
        var folder = Path.Combine(RepositoryPaths.RepositoryRoot, "tests", "HiiaPublish.Rendering.Tests", "Fixtures", name);
        var assets = new FolderDraftAssets(folder);
        var parsed = new PerspectiveParser().Parse(new DraftSource("draft.md", File.ReadAllBytes(Path.Combine(folder, "draft.md")), assets));
        Assert.False(parsed.HasErrors, string.Join(Environment.NewLine, parsed.Diagnostics));
        var result = RenderedSample.Renderer.Render(parsed.Perspective!, assets, "draft.md");
        return (parsed.Perspective!, result.Pdf ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics)));
    }
}
