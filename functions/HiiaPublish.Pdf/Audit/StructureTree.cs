using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace HiiaPublish.Pdf.Audit;

/// <summary>One structure element as the file has it, with its type mapped through the RoleMap.</summary>
internal sealed class StructElement
{
    public required string Type { get; init; }
    public required string StandardType { get; init; }
    public required DictionaryToken Dict { get; init; }
    public IndirectReference? Ref { get; init; }
    public StructElement? Parent { get; init; }
    public IndirectReference? Page { get; init; }
    public List<StructElement> Children { get; } = [];
    public List<(IndirectReference? Page, int Mcid)> MarkedContent { get; } = [];
    public List<IndirectReference> Objects { get; } = [];

    public string Shown => Ref is { } r ? PdfObjects.Show(r) : $"a {Type} element";
}

/// <summary>The structure tree read from /StructTreeRoot: every element in document order.</summary>
internal sealed class StructureTree
{
    // Real documents nest a few levels deep; a deeper tree is broken or hostile.
    private const int MaxDepth = 200;

    // PDF 1.7 (ISO 32000-1, 14.8.4) standard structure types.
    public static readonly HashSet<string> StandardTypes =
    [
        "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private",
        "H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot",
        "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP",
        "Figure", "Formula", "Form",
    ];

    private StructureTree(DictionaryToken? root, Dictionary<string, string> roleMap)
    {
        Root = root;
        RoleMap = roleMap;
    }

    public DictionaryToken? Root { get; }
    public Dictionary<string, string> RoleMap { get; }
    public List<StructElement> Elements { get; } = [];

    public static StructureTree Read(PdfObjects pdf)
    {
        var root = pdf.Dict(pdf.Catalog, "StructTreeRoot");
        var roleMap = new Dictionary<string, string>();
        if (pdf.Dict(root, "RoleMap") is { } map)
            foreach (var (key, value) in map.Data)
                if (pdf.Resolve(value) is NameToken name) roleMap[key] = name.Data;
        var tree = new StructureTree(root, roleMap);
        if (root is null) return tree;
        var seen = new HashSet<IndirectReference>();
        foreach (var kid in pdf.Array(root, "K")) tree.Walk(pdf, kid, null, null, 0, seen);
        return tree;
    }

    /// <summary>The standard type a type maps to, or null when its mapping does not end in one (or loops).</summary>
    public string? MapToStandard(string type)
    {
        var current = type;
        for (var i = 0; i <= RoleMap.Count; i++)
        {
            if (StandardTypes.Contains(current)) return current;
            if (!RoleMap.TryGetValue(current, out var next)) return null;
            current = next;
        }
        return null;
    }

    private void Walk(PdfObjects pdf, IToken token, StructElement? parent, IndirectReference? page, int depth, HashSet<IndirectReference> seen)
    {
        if (depth > MaxDepth) return;
        var reference = token is IndirectReferenceToken r ? r.Data : (IndirectReference?)null;
        var resolved = pdf.Resolve(token);
        if (resolved is NumericToken mcid)
        {
            parent?.MarkedContent.Add((page, mcid.Int));
            return;
        }
        if (resolved is not DictionaryToken dict) return;
        var type = pdf.Name(dict, "Type");
        if (type == "MCR")
        {
            parent?.MarkedContent.Add((PdfObjects.RefOf(dict, "Pg") ?? page, pdf.Int(dict, "MCID") ?? -1));
            return;
        }
        if (type == "OBJR")
        {
            if (PdfObjects.RefOf(dict, "Obj") is { } obj) parent?.Objects.Add(obj);
            return;
        }
        if (pdf.Name(dict, "S") is not { } structureType) return;
        if (reference is { } key && !seen.Add(key)) return;
        var element = new StructElement
        {
            Type = structureType, StandardType = MapToStandard(structureType) ?? structureType, Dict = dict, Ref = reference,
            Parent = parent, Page = PdfObjects.RefOf(dict, "Pg") ?? page,
        };
        Elements.Add(element);
        parent?.Children.Add(element);
        foreach (var kid in pdf.Array(dict, "K")) Walk(pdf, kid, element, element.Page, depth + 1, seen);
    }
}
