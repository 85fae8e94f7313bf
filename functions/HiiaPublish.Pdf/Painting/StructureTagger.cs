using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Structure;
using PdfSharp.Pdf.Annotations;
using PdfSharp.UniversalAccessibility;

namespace HiiaPublish.Pdf.Painting;

/// <summary>
/// Keeps PDFsharp's structure stack in step with the structure path of each drawn item: closes what the
/// next item is not inside, opens what it is. An element interrupted by other content (a paragraph continued
/// after the footnotes of its page) is reopened as a sibling of the same type, as a reader meets it on paper.
/// </summary>
internal sealed class StructureTagger(StructureBuilder builder)
{
    private readonly List<(StructureTag Tag, int Id)> _open = [];
    // Each Note element's /ID (PDF/UA 7.9: notes carry unique ids), in the order given, for the /IDTree.
    private readonly List<(string Id, PdfStructureElement Element)> _ids = [];
    private readonly Dictionary<int, int> _parts = [];

    public void Enter(StructureRef structure, XRect bounds)
    {
        if (structure.Tag == StructureTag.Artifact)
            return;

        var path = new List<(StructureTag, int)>(structure.Containers.Count + 1);
        foreach (var container in structure.Containers)
            path.Add((container.Tag, container.Id));
        path.Add((structure.Tag, structure.ElementId));

        var common = 0;
        while (common < _open.Count && common < path.Count && _open[common] == path[common])
            common++;

        CloseDownTo(common);
        for (var i = common; i < path.Count; i++)
        {
            var (tag, id) = path[i];
            Begin(tag, i == path.Count - 1 ? structure.AltText : null, bounds);
            Describe(tag, id);
            _open.Add(path[i]);
        }
    }

    /// <summary>A Link element holding the annotation, inside the element the link text belongs to.</summary>
    public void EnterLink(StructureRef owner, PdfLinkAnnotation annotation, string description)
    {
        Enter(owner, default);
        builder.BeginElement(annotation, description);
        builder.End();
    }

    public void BeginArtifact() => builder.BeginArtifact();

    public void EndArtifact() => builder.End();

    public void CloseAll() => CloseDownTo(0);

    /// <summary>
    /// Marked content must end in the content stream of the page it began on. Structure elements stay
    /// open (a paragraph continues overleaf); only the page's marked-content sequence is closed.
    /// </summary>
    public void EndPage() => builder.EndMarkedContentsWithId();

    private void CloseDownTo(int depth)
    {
        while (_open.Count > depth)
        {
            builder.End();
            _open.RemoveAt(_open.Count - 1);
        }
    }

    /// <summary>The attributes an element's type asks for: a header cell's scope, a note's id.</summary>
    private void Describe(StructureTag tag, int elementId)
    {
        switch (tag)
        {
            case StructureTag.TH:
                // The typesetter sets TH only in header rows: each heads its column (PDF/UA 7.5).
                builder.CurrentStructureElement.TableAttributes.Elements.SetName("/Scope", "/Column");
                break;
            case StructureTag.Note:
                // A note continued overleaf is reopened as a sibling element; each part needs its own id.
                var part = _parts[elementId] = _parts.GetValueOrDefault(elementId) + 1;
                var id = part == 1 ? $"note-{elementId}" : $"note-{elementId}-{part}";
                builder.CurrentStructureElement.Elements.SetString("/ID", id);
                _ids.Add((id, builder.CurrentStructureElement));
                break;
        }
    }

    /// <summary>
    /// The structure tree root's /IDTree (ISO 32000-1 14.7.2: required once any element has an /ID): one name tree
    /// leaf, its names in byte order as a name tree needs.
    /// </summary>
    public void WriteIdTree(PdfDocument document, PdfDictionary structureTreeRoot)
    {
        if (_ids.Count == 0)
            return;
        var names = new PdfArray(document);
        foreach (var (id, element) in _ids.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            names.Elements.Add(new PdfString(id));
            names.Elements.Add(element.Reference ?? throw new InvalidOperationException("A Note element is not an indirect object."));
        }
        var tree = new PdfDictionary(document);
        tree.Elements["/Names"] = names;
        structureTreeRoot.Elements["/IDTree"] = tree;
    }

    private void Begin(StructureTag tag, string? altText, XRect bounds)
    {
        switch (tag)
        {
            case StructureTag.Figure:
                builder.BeginElement(PdfIllustrationElementTag.Figure, altText ?? "", bounds);
                break;
            // A caption holds its own text (the lines drawn under a figure), so it is begun as a block element:
            // PDFsharp marks the content of block elements, never of grouping ones, and an unmarked caption would
            // be content in neither the structure tree nor an artifact (Matterhorn 01-005).
            case StructureTag.Document or StructureTag.Part or StructureTag.Sect or StructureTag.Div
                or StructureTag.BlockQuote or StructureTag.Index:
                builder.BeginGroupingElement(tag.ToString());
                break;
            case StructureTag.Note or StructureTag.Link or StructureTag.Span:
                builder.BeginInlineLevelElement(tag.ToString());
                break;
            default:
                builder.BeginBlockLevelElement(tag.ToString());
                break;
        }
    }
}
