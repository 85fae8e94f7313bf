using System.Text;
using System.Xml.Linq;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Tokens;

namespace HiiaPublish.Pdf.Audit;

/// <summary>
/// Checks any PDF against the machine-checkable rules of PDF/A-2 and PDF/UA-1 that apply to a document like ours
/// (text, headings, lists, tables, notes, figures and links; no forms, no media). Stateless: one instance serves
/// every caller. docs/accessibility.md lists the checks and what only a person can judge.
/// </summary>
public sealed partial class PdfAuditor : IPdfAudit
{
    // A PDF's header sits in its first kilobyte and its last %%EOF in its last one (ISO 32000-1, 7.5.2 and 7.5.5;
    // readers tolerate junk before and after). Without them the file was cut short or is not a PDF.
    private const int MarkerWindow = 1024;

    private static readonly XNamespace PdfAid = "http://www.aiim.org/pdfa/ns/id/";
    private static readonly XNamespace PdfUaid = "http://www.aiim.org/pdfua/ns/id/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public AuditReport Audit(byte[] pdf)
    {
        if (!HasMarkers(pdf, out var sentence)) return AuditReport.NotReadable(sentence);
        try
        {
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.Structure.Trailer.EncryptionToken is not null || document.IsEncrypted)
                return AuditReport.NotReadable("The file is encrypted; PDF/A forbids encryption, and the audit reads only unencrypted PDFs.");
            return new AuditRun(document).Run();
        }
        catch (PdfDocumentEncryptedException)
        {
            return AuditReport.NotReadable("The file is encrypted (it needs a password); PDF/A forbids encryption, and the audit reads only unencrypted PDFs.");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Whatever a broken file makes the reader throw, the answer is one sentence, never a stack trace.
            return AuditReport.NotReadable($"The file could not be read as a PDF ({FirstSentence(exception.Message)}).");
        }
    }

    private static bool HasMarkers(byte[] pdf, out string sentence)
    {
        sentence = "";
        if (pdf.Length == 0) { sentence = "The file is empty, not a PDF."; return false; }
        var head = Encoding.Latin1.GetString(pdf, 0, Math.Min(pdf.Length, MarkerWindow));
        if (!head.Contains("%PDF-", StringComparison.Ordinal)) { sentence = "The file is not a PDF (it does not start with %PDF-)."; return false; }
        var tailStart = Math.Max(0, pdf.Length - MarkerWindow);
        var tail = Encoding.Latin1.GetString(pdf, tailStart, pdf.Length - tailStart);
        if (!tail.Contains("%%EOF", StringComparison.Ordinal)) { sentence = "The PDF is truncated: it has no end-of-file marker (%%EOF) at its end."; return false; }
        return true;
    }

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim().TrimEnd('.');
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    /// <summary>One audit of one document: reads what the checks share once, then runs each check.</summary>
    private sealed partial class AuditRun
    {
        private readonly PdfDocument _document;
        private readonly PdfObjects _pdf;
        private readonly IReadOnlyList<(IndirectReference? Ref, DictionaryToken Dict)> _pages;
        private readonly Dictionary<IndirectReference, int> _pageNumbers = [];
        private readonly StructureTree _tree;
        private readonly XDocument? _xmp;
        private readonly bool _hasXmpStream;
        private readonly List<Annotation> _annotations = [];

        public AuditRun(PdfDocument document)
        {
            _document = document;
            _pdf = new PdfObjects(document);
            _pages = _pdf.Pages();
            for (var i = 0; i < _pages.Count; i++)
                if (_pages[i].Ref is { } r) _pageNumbers[r] = i + 1;
            _tree = StructureTree.Read(_pdf);
            _hasXmpStream = _pdf.Get(_pdf.Catalog, "Metadata") is StreamToken;
            try
            {
                _xmp = document.TryGetXmpMetadata(out var xmp) ? xmp.GetXDocument() : null;
            }
            catch (System.Xml.XmlException)
            {
                _xmp = null; // present but not XML: reported by 06-001
            }
            for (var i = 0; i < _pages.Count; i++)
                foreach (var item in _pdf.Array(_pages[i].Dict, "Annots"))
                    if (_pdf.AsDict(item) is { } annotation)
                        _annotations.Add(new Annotation(annotation, item is IndirectReferenceToken ar ? ar.Data : null, i + 1, _pdf.Name(annotation, "Subtype") ?? "(none)"));
        }

        private sealed record Annotation(DictionaryToken Dict, IndirectReference? Ref, int Page, string Subtype)
        {
            public string Shown => PdfObjects.Show(Ref);
        }

        private int? PageOf(IndirectReference? page) => page is { } r && _pageNumbers.TryGetValue(r, out var n) ? n : null;

        public AuditReport Run()
        {
            var declared = XmpValue(PdfAid, "part") is { } part ? $"PDF/A-{part}{(XmpValue(PdfAid, "conformance") ?? "").ToLowerInvariant()}" : null;
            List<AuditCheck> checks =
            [
                XmpPresent(),
                PdfAIdentification(),
                OutputIntent(),
                .. Fonts(),
                .. Transparency(),
                AnnotationTypes(),
                AnnotationFlags(),
                Actions(),
                Tagged(),
                .. Content(),
                RoleMapping(),
                UaIdentification(),
                DcTitle(),
                .. DisplayDocTitle(),
                Language(),
                Figures(),
                .. Headings(),
                Lists(),
                TableHeaders(),
                .. Notes(),
                .. LinkAnnotations(),
                OtherAnnotationContents(),
                TrapNet(),
                .. Tabs(),
            ];
            return new AuditReport(checks, declared);
        }

        private string? XmpValue(XNamespace ns, string localName)
        {
            if (_xmp?.Root is not { } root) return null;
            var name = ns + localName;
            var element = root.Descendants(name).FirstOrDefault();
            if (element is not null) return element.Value.Trim();
            return root.Descendants().Select(e => e.Attribute(name)?.Value.Trim()).FirstOrDefault(v => v is not null);
        }

        // ---- PDF/A-2 (ISO 19005-2) ----

        private AuditCheck XmpPresent()
        {
            var rule = new Rule("06-001", "The document has an XMP metadata stream (PDF/A-2 6.6.2.1, PDF/UA-1 7.1)");
            if (!_hasXmpStream) rule.Fail("The catalog has no /Metadata stream.", objectRef: "catalog");
            else if (_xmp is null) rule.Fail("The catalog's /Metadata stream is not well-formed XMP (XML).", objectRef: PdfObjects.Show(PdfObjects.RefOf(_pdf.Catalog, "Metadata")));
            return rule.ToCheck("The catalog's /Metadata stream is well-formed XMP.");
        }

        private AuditCheck PdfAIdentification()
        {
            var rule = new Rule("pdfa-identification", "XMP declares a PDF/A part and conformance this audit checks (PDF/A-2 6.6.4)");
            var part = XmpValue(PdfAid, "part");
            var conformance = XmpValue(PdfAid, "conformance");
            if (part is null || conformance is null) rule.Fail("The XMP metadata has no pdfaid:part and pdfaid:conformance.");
            else if (part is not ("2" or "3") || conformance.ToUpperInvariant() is not ("A" or "B" or "U"))
                rule.Fail($"The XMP declares PDF/A-{part}{conformance}; this audit knows the rules of PDF/A-2 and PDF/A-3 (a, b, u) only.");
            return rule.ToCheck($"Declares PDF/A-{part}{conformance?.ToLowerInvariant()}.");
        }

        private AuditCheck OutputIntent()
        {
            var rule = new Rule("pdfa-output-intent", "The catalog has a PDF/A output intent with an ICC profile (PDF/A-2 6.2.3)");
            var intents = _pdf.Array(_pdf.Catalog, "OutputIntents").Select(_pdf.AsDict).Where(d => d is not null).ToList();
            var pdfa = intents.FirstOrDefault(d => _pdf.Name(d, "S") == "GTS_PDFA1");
            if (pdfa is null) rule.Fail("No /OutputIntents entry with /S /GTS_PDFA1.", objectRef: "catalog");
            else if (_pdf.Get(pdfa, "DestOutputProfile") is not StreamToken) rule.Fail("The GTS_PDFA1 output intent has no /DestOutputProfile ICC stream.");
            return rule.ToCheck("A GTS_PDFA1 output intent with its ICC profile.");
        }

        private AuditCheck AnnotationTypes()
        {
            var rule = new Rule("pdfa-annotation-types", "No annotation of a type PDF/A-2 forbids (3D, Sound, Screen, Movie, unknown) (PDF/A-2 6.3.1)");
            HashSet<string> allowed =
            [
                "Text", "Link", "FreeText", "Line", "Square", "Circle", "Polygon", "PolyLine", "Highlight", "Underline", "Squiggly",
                "StrikeOut", "Stamp", "Caret", "Ink", "Popup", "FileAttachment", "Widget", "PrinterMark", "TrapNet", "Watermark", "Redact",
            ];
            foreach (var annotation in _annotations)
            {
                rule.Examined();
                if (!allowed.Contains(annotation.Subtype))
                    rule.Fail($"A /{annotation.Subtype} annotation, which PDF/A-2 does not allow.", annotation.Page, annotation.Shown);
            }
            return rule.ToCheck();
        }

        private AuditCheck AnnotationFlags()
        {
            var rule = new Rule("pdfa-annotation-flags", "Every annotation prints and is not hidden (/F: Print set; Hidden, Invisible, NoView, ToggleNoView clear) (PDF/A-2 6.3.2)");
            const int invisible = 1, hidden = 2, print = 4, noView = 32, toggleNoView = 256;
            foreach (var annotation in _annotations.Where(a => a.Subtype != "Popup"))
            {
                rule.Examined();
                var flags = _pdf.Int(annotation.Dict, "F");
                if (flags is null) rule.Fail($"A /{annotation.Subtype} annotation has no /F flags (Print must be set).", annotation.Page, annotation.Shown);
                else if ((flags & print) == 0) rule.Fail($"A /{annotation.Subtype} annotation does not have the Print flag (/F {flags}).", annotation.Page, annotation.Shown);
                else if ((flags & (invisible | hidden | noView | toggleNoView)) != 0)
                    rule.Fail($"A /{annotation.Subtype} annotation is hidden (/F {flags} sets Hidden, Invisible, NoView or ToggleNoView).", annotation.Page, annotation.Shown);
            }
            return rule.ToCheck();
        }

        private AuditCheck Actions()
        {
            var rule = new Rule("pdfa-actions", "No JavaScript, no forbidden actions and no additional-actions (/AA) (PDF/A-2 6.6.1, 6.6.2)");
            HashSet<string> forbidden = ["Launch", "Sound", "Movie", "ResetForm", "ImportData", "JavaScript", "Hide", "SetOCGState", "Rendition", "Trans", "GoTo3DView"];
            var seen = new HashSet<DictionaryToken>(ReferenceEqualityComparer.Instance);
            void Action(IToken? token, string where, int? page, string? objectRef, int depth)
            {
                if (depth > 32 || _pdf.AsDict(token) is not { } action || !seen.Add(action)) return;
                rule.Examined();
                var type = _pdf.Name(action, "S");
                if (type is not null && forbidden.Contains(type)) rule.Fail($"{where} has a /{type} action, which PDF/A forbids.", page, objectRef);
                foreach (var next in _pdf.Array(action, "Next")) Action(next, where, page, objectRef, depth + 1);
            }

            if (PdfObjects.Has(_pdf.Catalog, "AA")) rule.Fail("The catalog has additional actions (/AA).", objectRef: "catalog");
            if (_pdf.Dict(_pdf.Dict(_pdf.Catalog, "Names"), "JavaScript") is not null) rule.Fail("The catalog's name tree holds JavaScript (/Names /JavaScript).", objectRef: "catalog");
            if (_pdf.Get(_pdf.Catalog, "OpenAction") is DictionaryToken open) Action(open, "The document's open action", null, "catalog", 0);
            for (var i = 0; i < _pages.Count; i++)
                if (PdfObjects.Has(_pages[i].Dict, "AA")) rule.Fail("A page has additional actions (/AA).", i + 1, PdfObjects.Show(_pages[i].Ref));
            foreach (var annotation in _annotations)
            {
                if (PdfObjects.Has(annotation.Dict, "AA")) rule.Fail($"A /{annotation.Subtype} annotation has additional actions (/AA).", annotation.Page, annotation.Shown);
                if (annotation.Dict.Data.TryGetValue("A", out var a)) Action(a, $"A /{annotation.Subtype} annotation", annotation.Page, annotation.Shown, 0);
            }
            // Outline items (bookmarks) carry actions too; the walk is bounded against loops.
            var item = _pdf.Dict(_pdf.Dict(_pdf.Catalog, "Outlines"), "First");
            var stack = new Stack<DictionaryToken>();
            var visited = new HashSet<DictionaryToken>(ReferenceEqualityComparer.Instance);
            if (item is not null) stack.Push(item);
            while (stack.Count > 0 && visited.Count < 100_000)
            {
                var node = stack.Pop();
                if (!visited.Add(node)) continue;
                if (node.Data.TryGetValue("A", out var a)) Action(a, "A bookmark", null, null, 0);
                if (_pdf.Dict(node, "Next") is { } next) stack.Push(next);
                if (_pdf.Dict(node, "First") is { } first) stack.Push(first);
            }
            return rule.ToCheck();
        }
    }
}
