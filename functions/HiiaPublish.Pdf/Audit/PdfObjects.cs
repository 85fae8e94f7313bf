using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace HiiaPublish.Pdf.Audit;

/// <summary>
/// Raw object access over PdfPig's <c>document.Structure</c>: the audit reads dictionaries as they are in the file
/// (structure tree, annotations, font descriptors), which PdfPig's page model does not show.
/// </summary>
internal sealed class PdfObjects(PdfDocument document)
{
    // Chains of references deeper than this are broken or hostile files, not real documents.
    private const int MaxReferenceChain = 32;

    private readonly IPdfTokenScanner _scanner = document.Structure.TokenScanner;

    public DictionaryToken Catalog { get; } = document.Structure.Catalog.CatalogDictionary;

    public IToken? Resolve(IToken? token)
    {
        for (var i = 0; i < MaxReferenceChain && token is IndirectReferenceToken reference; i++)
            token = _scanner.Get(reference.Data)?.Data;
        return token is IndirectReferenceToken ? null : token;
    }

    public IToken? Get(DictionaryToken? dictionary, string key) =>
        dictionary is not null && dictionary.Data.TryGetValue(key, out var token) ? Resolve(token) : null;

    /// <summary>A dictionary value, or a stream's dictionary.</summary>
    public DictionaryToken? Dict(DictionaryToken? dictionary, string key) => Get(dictionary, key) switch
    {
        DictionaryToken d => d,
        StreamToken s => s.StreamDictionary,
        _ => null,
    };

    public DictionaryToken? AsDict(IToken? token) => Resolve(token) switch
    {
        DictionaryToken d => d,
        StreamToken s => s.StreamDictionary,
        _ => null,
    };

    /// <summary>An array's items as written (references kept), or a single value as a one-item list.</summary>
    public IReadOnlyList<IToken> Array(DictionaryToken? dictionary, string key)
    {
        if (dictionary is null || !dictionary.Data.TryGetValue(key, out var raw)) return [];
        return Resolve(raw) switch
        {
            ArrayToken a => a.Data,
            null => [],
            _ => [raw],
        };
    }

    public string? Name(DictionaryToken? dictionary, string key) => (Get(dictionary, key) as NameToken)?.Data;

    public int? Int(DictionaryToken? dictionary, string key) => (Get(dictionary, key) as NumericToken)?.Int;

    public bool? Bool(DictionaryToken? dictionary, string key) => (Get(dictionary, key) as BooleanToken)?.Data;

    public static string? Text(IToken? token) => token switch
    {
        StringToken s => s.Data,
        HexToken h => h.Data,
        _ => null,
    };

    public string? Text(DictionaryToken? dictionary, string key) => Text(Get(dictionary, key));

    public static bool Has(DictionaryToken? dictionary, string key) => dictionary is not null && dictionary.Data.ContainsKey(key);

    public static IndirectReference? RefOf(DictionaryToken? dictionary, string key) =>
        dictionary is not null && dictionary.Data.TryGetValue(key, out var token) && token is IndirectReferenceToken r ? r.Data : null;

    public byte[]? Decode(StreamToken stream) => stream.Decode(document.Structure.FilterProvider, _scanner).ToArray();

    public static string Show(IndirectReference? reference) =>
        reference is { } r ? $"{r.ObjectNumber} {r.Generation} R" : "";

    /// <summary>The pages in order with their references, walking /Pages /Kids (guarded against cycles).</summary>
    public IReadOnlyList<(IndirectReference? Ref, DictionaryToken Dict)> Pages()
    {
        var pages = new List<(IndirectReference?, DictionaryToken)>();
        var seen = new HashSet<IndirectReference>();
        void Walk(IToken? token, int depth)
        {
            if (depth > MaxReferenceChain) return;
            var reference = token is IndirectReferenceToken r ? r.Data : (IndirectReference?)null;
            if (reference is { } key && !seen.Add(key)) return;
            if (AsDict(token) is not { } node) return;
            if (Name(node, "Type") == "Pages" || Has(node, "Kids"))
                foreach (var kid in node.Data.TryGetValue("Kids", out var kids) && Resolve(kids) is ArrayToken list ? list.Data : [])
                    Walk(kid, depth + 1);
            else pages.Add((reference, node));
        }
        Walk(Catalog.Data.TryGetValue("Pages", out var root) ? root : null, 0);
        return pages;
    }

    /// <summary>A page's attribute, inherited from its /Parent chain when the page has none (Resources).</summary>
    public IToken? Inherited(DictionaryToken page, string key)
    {
        var node = page;
        for (var i = 0; i < MaxReferenceChain && node is not null; i++)
        {
            if (Get(node, key) is { } value) return value;
            node = Dict(node, "Parent");
        }
        return null;
    }

    /// <summary>Every value of a number tree (/Nums, /Kids), by key.</summary>
    public Dictionary<int, IToken> NumberTree(DictionaryToken? root)
    {
        var values = new Dictionary<int, IToken>();
        void Walk(DictionaryToken? node, int depth)
        {
            if (node is null || depth > MaxReferenceChain) return;
            var nums = Array(node, "Nums");
            for (var i = 0; i + 1 < nums.Count; i += 2)
                if (Resolve(nums[i]) is NumericToken key) values[key.Int] = nums[i + 1];
            foreach (var kid in Array(node, "Kids")) Walk(AsDict(kid), depth + 1);
        }
        Walk(root, 0);
        return values;
    }
}
