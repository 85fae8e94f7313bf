using UglyToad.PdfPig.Tokens;

namespace HiiaPublish.Pdf.Audit;

public sealed partial class PdfAuditor
{
    private sealed partial class AuditRun
    {
        // ISO 32000-1, 11.3.5 (tables 136 and 137): the separable and non-separable blend modes, and Compatible.
        private static readonly HashSet<string> BlendModes =
        [
            "Normal", "Compatible", "Multiply", "Screen", "Overlay", "Darken", "Lighten", "ColorDodge", "ColorBurn",
            "HardLight", "SoftLight", "Difference", "Exclusion", "Hue", "Saturation", "Color", "Luminosity",
        ];

        // Forms nest forms; a hostile file can nest them without end or in a loop.
        private const int MaxFormDepth = 16;

        /// <summary>
        /// The transparency rules of PDF/A-2 our papers could break, now that pictures with transparency carry a soft
        /// mask: 6.2.10 (a page with transparency names its blending colour space unless an output intent covers it;
        /// only ISO 32000-1's blend modes), and the soft-mask forms of ISO 32000-1 11.6.5 that PDF/A-2 takes over
        /// (6.1: the file conforms to ISO 32000-1) — an image's /SMask is a DeviceGray image with no mask of its own,
        /// an ExtGState's /SMask is /None or a soft-mask dictionary (/S /Alpha or /Luminosity, /G a group form).
        /// </summary>
        private IEnumerable<AuditCheck> Transparency()
        {
            var group = new Rule("pdfa-transparency-group", "A page with transparency has a blending colour space: a page /Group with /CS, or a PDF/A output intent (PDF/A-2 6.2.10)");
            var blend = new Rule("pdfa-blend-modes", "Only blend modes ISO 32000-1 defines (/BM in an ExtGState) (PDF/A-2 6.2.10)");
            var masks = new Rule("pdfa-soft-masks", "Soft masks are as ISO 32000-1 11.6.5 defines them: an image's /SMask a DeviceGray image without a mask of its own, an ExtGState's /SMask /None or a soft-mask dictionary (PDF/A-2 6.1, 6.2.10)");
            var hasOutputIntent = _pdf.Array(_pdf.Catalog, "OutputIntents").Select(_pdf.AsDict).Any(d => _pdf.Name(d, "S") == "GTS_PDFA1");
            for (var i = 0; i < _pages.Count; i++)
            {
                var page = _pages[i].Dict;
                var shown = PdfObjects.Show(_pages[i].Ref);
                var seen = new HashSet<DictionaryToken>(ReferenceEqualityComparer.Instance);
                var transparent = _pdf.Name(_pdf.Dict(page, "Group"), "S") == "Transparency";
                transparent |= ResourcesUseTransparency(_pdf.AsDict(_pdf.Inherited(page, "Resources")), i + 1, blend, masks, seen, 0);
                if (!transparent) continue;
                group.Examined();
                if (!hasOutputIntent && _pdf.Get(_pdf.Dict(page, "Group"), "CS") is null)
                    group.Fail("A page uses transparency (a soft mask, a blend mode or constant alpha) but has no /Group with /CS, and the file has no PDF/A output intent to blend in.", i + 1, shown);
            }
            return [group.ToCheck(), blend.ToCheck(), masks.ToCheck()];
        }

        /// <summary>True when what the resources hold uses transparency; checks the blend modes and soft masks met on the way.</summary>
        private bool ResourcesUseTransparency(DictionaryToken? resources, int page, Rule blend, Rule masks, HashSet<DictionaryToken> seen, int depth)
        {
            if (resources is null || depth > MaxFormDepth || !seen.Add(resources)) return false;
            var transparent = false;
            if (_pdf.Dict(resources, "ExtGState") is { } states)
                foreach (var (name, token) in states.Data)
                {
                    if (_pdf.AsDict(token) is not { } state) continue;
                    var where = $"The ExtGState /{name}";
                    var objectRef = token is IndirectReferenceToken r ? PdfObjects.Show(r.Data) : null;
                    foreach (var mode in BlendModesOf(_pdf.Get(state, "BM")))
                    {
                        blend.Examined();
                        if (!BlendModes.Contains(mode)) blend.Fail($"{where} uses the blend mode /{mode}, which ISO 32000-1 does not define.", page, objectRef);
                        else if (mode is not ("Normal" or "Compatible")) transparent = true;
                    }
                    transparent |= _pdf.Get(state, "CA") is NumericToken { Double: < 1 } || _pdf.Get(state, "ca") is NumericToken { Double: < 1 };
                    if (state.Data.ContainsKey("SMask"))
                    {
                        masks.Examined();
                        switch (_pdf.Get(state, "SMask"))
                        {
                            case NameToken { Data: "None" }:
                                break;
                            case DictionaryToken mask when _pdf.Name(mask, "S") is "Alpha" or "Luminosity" && _pdf.Get(mask, "G") is StreamToken:
                                transparent = true;
                                break;
                            default:
                                masks.Fail($"{where} has an /SMask that is neither /None nor a soft-mask dictionary with /S /Alpha or /Luminosity and a group form /G.", page, objectRef);
                                transparent = true;
                                break;
                        }
                    }
                }
            if (_pdf.Dict(resources, "XObject") is { } xobjects)
                foreach (var (name, token) in xobjects.Data)
                {
                    if (_pdf.AsDict(token) is not { } xobject || !seen.Add(xobject)) continue;
                    var objectRef = token is IndirectReferenceToken r ? PdfObjects.Show(r.Data) : null;
                    switch (_pdf.Name(xobject, "Subtype"))
                    {
                        case "Image" when xobject.Data.ContainsKey("SMask"):
                            masks.Examined();
                            transparent = true;
                            if (SoftMaskImageProblem(_pdf.Get(xobject, "SMask")) is { } problem)
                                masks.Fail($"The image /{name} has a soft mask that {problem}.", page, objectRef);
                            break;
                        case "Form":
                            transparent |= _pdf.Name(_pdf.Dict(xobject, "Group"), "S") == "Transparency";
                            transparent |= ResourcesUseTransparency(_pdf.Dict(xobject, "Resources"), page, blend, masks, seen, depth + 1);
                            break;
                    }
                }
            return transparent;
        }

        private static IEnumerable<string> BlendModesOf(IToken? token) => token switch
        {
            NameToken name => [name.Data],
            // An array names modes to try in turn (ISO 32000-1 11.6.3); every one must be defined.
            ArrayToken array => array.Data.OfType<NameToken>().Select(n => n.Data),
            _ => [],
        };

        /// <summary>What is wrong with an image's /SMask (ISO 32000-1 11.6.5.3, table 145), as a clause; null when nothing.</summary>
        private string? SoftMaskImageProblem(IToken? token)
        {
            if (token is not StreamToken stream) return "is not an image stream";
            var mask = stream.StreamDictionary;
            if (_pdf.Name(mask, "Subtype") != "Image") return "is not an image XObject (/Subtype /Image)";
            if (_pdf.Name(mask, "ColorSpace") != "DeviceGray") return "is not in /DeviceGray";
            if (PdfObjects.Has(mask, "SMask") || PdfObjects.Has(mask, "Mask")) return "has a mask of its own";
            if (_pdf.Int(mask, "BitsPerComponent") is not (1 or 2 or 4 or 8 or 16)) return "has no /BitsPerComponent of 1, 2, 4, 8 or 16";
            if (_pdf.Bool(mask, "Interpolate") == true) return "asks for /Interpolate, which PDF/A-2 6.2.8 forbids";
            return null;
        }
    }
}
