using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics.Operations.MarkedContent;
using UglyToad.PdfPig.Tokens;

namespace HiiaPublish.Pdf.Audit;

public sealed partial class PdfAuditor
{
    private sealed partial class AuditRun
    {
        // Operators that put marks on the page: text, paths painted, shadings, images and forms.
        private static readonly HashSet<string> Painting =
            ["Tj", "TJ", "'", "\"", "Do", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "BI", "EI"];

        private AuditCheck Tagged()
        {
            var rule = new Rule("tagged-pdf", "The document is tagged: /MarkInfo /Marked true and a structure tree (PDF/UA-1 7.1)");
            if (_pdf.Bool(_pdf.Dict(_pdf.Catalog, "MarkInfo"), "Marked") != true) rule.Fail("The catalog's /MarkInfo does not say /Marked true.", objectRef: "catalog");
            if (_tree.Root is null) rule.Fail("The catalog has no /StructTreeRoot.", objectRef: "catalog");
            else if (_tree.Elements.Count == 0) rule.Fail("The structure tree has no elements.", objectRef: PdfObjects.Show(PdfObjects.RefOf(_pdf.Catalog, "StructTreeRoot")));
            return rule.ToCheck($"Marked, with {_tree.Elements.Count} structure elements.");
        }

        private IEnumerable<AuditCheck> Content()
        {
            var untagged = new Rule("01-005", "All content is either tagged (in the structure tree) or marked as an artifact");
            var inArtifact = new Rule("01-004", "No tagged content inside an artifact");
            var referenced = _tree.Elements.SelectMany(e => e.MarkedContent).ToHashSet();
            var anyPage = referenced.Where(m => m.Page is null).Select(m => m.Mcid).ToHashSet();
            for (var i = 0; i < _pages.Count; i++)
            {
                var (pageRef, pageDict) = _pages[i];
                var properties = _pdf.Dict(_pdf.AsDict(_pdf.Inherited(pageDict, "Resources")), "Properties");
                var page = _document.GetPage(i + 1);
                // Each open marked-content sequence: is it an artifact, and does it carry an MCID?
                var open = new Stack<(bool Artifact, int? Mcid)>();
                var reported = false;
                foreach (var operation in page.Operations)
                {
                    switch (operation)
                    {
                        case BeginMarkedContent bmc:
                            open.Push((bmc.Name.Data == "Artifact", null));
                            continue;
                        case BeginMarkedContentWithProperties bdc:
                            var dict = bdc.Properties ?? (bdc.PropertyDictionaryName is { } name ? _pdf.Dict(properties, name.Data) : null);
                            var mcid = _pdf.Int(dict, "MCID");
                            var artifact = bdc.Name.Data == "Artifact";
                            if (mcid is { } id)
                            {
                                untagged.Examined();
                                if (open.Any(o => o.Artifact)) inArtifact.Fail($"Content with MCID {id} is inside an artifact.", i + 1, PdfObjects.Show(pageRef));
                                if (!referenced.Contains((pageRef, id)) && !anyPage.Contains(id))
                                    untagged.Fail($"Content with MCID {id} is marked but no structure element refers to it.", i + 1, PdfObjects.Show(pageRef));
                            }
                            open.Push((artifact, mcid));
                            continue;
                        case EndMarkedContent:
                            if (open.Count > 0) open.Pop();
                            continue;
                    }
                    if (!reported && Painting.Contains(operation.Operator) && !open.Any(o => o.Artifact || o.Mcid is not null))
                    {
                        untagged.Fail($"The '{operation.Operator}' operator paints outside any tagged or artifact marked content.", i + 1, PdfObjects.Show(pageRef));
                        reported = true; // one per page is enough to find it
                    }
                }
            }
            return [untagged.ToCheck(), inArtifact.ToCheck()];
        }

        private AuditCheck RoleMapping()
        {
            var rule = new Rule("02-001", "Every structure type is standard or role-maps to a standard type (no loops)");
            foreach (var type in _tree.Elements.Select(e => e.Type).Distinct())
            {
                rule.Examined();
                if (_tree.MapToStandard(type) is null)
                    rule.Fail($"The structure type /{type} is not standard and its RoleMap entry does not end in a standard type.",
                        objectRef: _tree.Elements.First(e => e.Type == type).Shown);
            }
            foreach (var key in _tree.RoleMap.Keys.Where(StructureTree.StandardTypes.Contains))
                rule.Fail($"The RoleMap remaps the standard type /{key} (Matterhorn 02-004).");
            return rule.ToCheck();
        }

        private AuditCheck UaIdentification()
        {
            var rule = new Rule("06-002", "XMP declares PDF/UA (pdfuaid:part)");
            var part = XmpValue(PdfUaid, "part");
            if (part is null) rule.Fail("The XMP metadata has no pdfuaid:part.");
            else if (part != "1") rule.Fail($"The XMP declares pdfuaid:part {part}; PDF/UA-1 needs 1.");
            return rule.ToCheck("Declares PDF/UA-1.");
        }

        private AuditCheck DcTitle()
        {
            var rule = new Rule("06-003", "XMP has a document title (dc:title)");
            if (string.IsNullOrWhiteSpace(XmpValue(Dc, "title"))) rule.Fail("The XMP metadata has no dc:title (or an empty one).");
            return rule.ToCheck("dc:title is set.");
        }

        private IEnumerable<AuditCheck> DisplayDocTitle()
        {
            var missing = new Rule("07-001", "ViewerPreferences has DisplayDocTitle");
            var falseValue = new Rule("07-002", "DisplayDocTitle is true");
            var preferences = _pdf.Dict(_pdf.Catalog, "ViewerPreferences");
            var value = _pdf.Bool(preferences, "DisplayDocTitle");
            if (!PdfObjects.Has(preferences, "DisplayDocTitle")) missing.Fail("The catalog's /ViewerPreferences has no /DisplayDocTitle.", objectRef: "catalog");
            else if (value != true) falseValue.Fail("/ViewerPreferences /DisplayDocTitle is not true: viewers show the file name, not the title.", objectRef: "catalog");
            return [missing.ToCheck("Present."), falseValue.ToCheck(value == true ? "True." : "Not applicable: the key is missing (07-001).")];
        }

        private AuditCheck Language()
        {
            var rule = new Rule("11-006", "The document's natural language is declared (catalog /Lang)");
            if (string.IsNullOrWhiteSpace(_pdf.Text(_pdf.Catalog, "Lang"))) rule.Fail("The catalog has no /Lang (or an empty one).", objectRef: "catalog");
            return rule.ToCheck($"/Lang ({_pdf.Text(_pdf.Catalog, "Lang")}).");
        }

        private AuditCheck Figures()
        {
            var rule = new Rule("13-004", "Every Figure has alternative text (/Alt) or replacement text (/ActualText)");
            foreach (var figure in _tree.Elements.Where(e => e.StandardType == "Figure"))
            {
                rule.Examined();
                if (string.IsNullOrWhiteSpace(_pdf.Text(figure.Dict, "Alt")) && string.IsNullOrWhiteSpace(_pdf.Text(figure.Dict, "ActualText")))
                    rule.Fail("A Figure has neither /Alt nor /ActualText.", PageOf(figure.Page), figure.Shown);
            }
            return rule.ToCheck();
        }

        private IEnumerable<AuditCheck> Headings()
        {
            var first = new Rule("14-002", "Numbered headings start with H1");
            var skipped = new Rule("14-003", "Numbered heading levels are not skipped going down (H1 → H3)");
            var previous = 0;
            foreach (var heading in _tree.Elements.Where(e => e.StandardType is ['H', >= '1' and <= '6']))
            {
                var level = heading.StandardType[1] - '0';
                first.Examined();
                skipped.Examined();
                if (previous == 0 && level != 1) first.Fail($"The first heading is H{level}, not H1.", PageOf(heading.Page), heading.Shown);
                if (previous > 0 && level > previous + 1) skipped.Fail($"H{previous} is followed by H{level}.", PageOf(heading.Page), heading.Shown);
                previous = level;
            }
            return [first.ToCheck(), skipped.ToCheck()];
        }

        private AuditCheck Lists()
        {
            var rule = new Rule("09-005", "Lists are structured as ISO 32000-1 says: L holds LI, LI holds Lbl and LBody");
            foreach (var element in _tree.Elements)
            {
                switch (element.StandardType)
                {
                    case "L":
                        rule.Examined();
                        foreach (var child in element.Children.Where(c => c.StandardType is not ("LI" or "L" or "Caption")))
                            rule.Fail($"A list (L) holds a {child.StandardType}, not a list item (LI).", PageOf(child.Page), child.Shown);
                        break;
                    case "LI":
                        if (element.Parent?.StandardType != "L") rule.Fail("A list item (LI) is not inside a list (L).", PageOf(element.Page), element.Shown);
                        foreach (var child in element.Children.Where(c => c.StandardType is not ("Lbl" or "LBody")))
                            rule.Fail($"A list item (LI) holds a {child.StandardType}; its children must be Lbl and LBody.", PageOf(child.Page), child.Shown);
                        if (element.Children.All(c => c.StandardType != "LBody") && element.MarkedContent.Count == 0)
                            rule.Fail("A list item (LI) has no LBody.", PageOf(element.Page), element.Shown);
                        break;
                    case "Lbl" or "LBody":
                        if (element.Parent?.StandardType != "LI" && element.StandardType == "LBody")
                            rule.Fail("An LBody is not inside a list item (LI).", PageOf(element.Page), element.Shown);
                        break;
                }
            }
            return rule.ToCheck();
        }

        private AuditCheck TableHeaders()
        {
            var rule = new Rule("15-003", "Every table header cell (TH) has a Scope, unless the table uses Headers and IDs");
            foreach (var table in _tree.Elements.Where(e => e.StandardType == "Table"))
            {
                var cells = Descendants(table).Where(e => e.StandardType is "TH" or "TD").ToList();
                if (cells.Any(c => TableAttribute(c, "Headers") is not null)) continue;
                foreach (var th in cells.Where(c => c.StandardType == "TH"))
                {
                    rule.Examined();
                    if (TableAttribute(th, "Scope") is not NameToken) rule.Fail("A TH cell has no /Scope in its Table attributes.", PageOf(th.Page), th.Shown);
                }
            }
            return rule.ToCheck();
        }

        private static IEnumerable<StructElement> Descendants(StructElement element) =>
            element.Children.SelectMany(c => (IEnumerable<StructElement>)[c, .. Descendants(c)]);

        /// <summary>An attribute of owner /Table on an element (/A: one dictionary or an array of them and revision numbers).</summary>
        private IToken? TableAttribute(StructElement element, string key)
        {
            foreach (var item in _pdf.Array(element.Dict, "A"))
                if (_pdf.AsDict(item) is { } attributes && _pdf.Name(attributes, "O") == "Table" && _pdf.Get(attributes, key) is { } value)
                    return value;
            return null;
        }

        private IEnumerable<AuditCheck> Notes()
        {
            var missing = new Rule("19-003", "Every Note has an /ID");
            var duplicate = new Rule("19-004", "Note IDs are unique");
            var ids = new HashSet<string>();
            foreach (var note in _tree.Elements.Where(e => e.StandardType == "Note"))
            {
                missing.Examined();
                var id = _pdf.Text(note.Dict, "ID");
                if (string.IsNullOrEmpty(id)) missing.Fail("A Note has no /ID.", PageOf(note.Page), note.Shown);
                else if (!ids.Add(id)) duplicate.Fail($"Two Notes have the /ID ({id}).", PageOf(note.Page), note.Shown);
                else duplicate.Examined();
            }
            return [missing.ToCheck(), duplicate.ToCheck()];
        }

        private IEnumerable<AuditCheck> LinkAnnotations()
        {
            var nested = new Rule("28-011", "Every link annotation is in a Link structure element (/StructParent and an OBJR)");
            var contents = new Rule("28-012", "Every link annotation has an alternate description (/Contents)");
            var parentTree = _pdf.NumberTree(_pdf.Dict(_tree.Root, "ParentTree"));
            var byRef = _tree.Elements.Where(e => e.Ref is not null).ToDictionary(e => e.Ref!.Value);
            foreach (var link in _annotations.Where(a => a.Subtype == "Link"))
            {
                nested.Examined();
                contents.Examined();
                if (string.IsNullOrWhiteSpace(_pdf.Text(link.Dict, "Contents")))
                    contents.Fail("A link annotation has no /Contents.", link.Page, link.Shown);
                var key = _pdf.Int(link.Dict, "StructParent");
                if (key is null) { nested.Fail("A link annotation has no /StructParent.", link.Page, link.Shown); continue; }
                var parent = parentTree.TryGetValue(key.Value, out var token) && token is IndirectReferenceToken r && byRef.TryGetValue(r.Data, out var e) ? e : null;
                if (parent is null) nested.Fail($"The parent tree has no structure element for the link's /StructParent {key}.", link.Page, link.Shown);
                else if (parent.StandardType != "Link") nested.Fail($"The link annotation's structure parent is a {parent.StandardType}, not a Link.", link.Page, link.Shown);
                else if (link.Ref is { } annotationRef && !parent.Objects.Contains(annotationRef))
                    nested.Fail("The Link element the parent tree names has no OBJR for this annotation.", link.Page, link.Shown);
            }
            return [nested.ToCheck(), contents.ToCheck()];
        }

        private AuditCheck OtherAnnotationContents()
        {
            var rule = new Rule("28-004", "Every other annotation (not a link, widget or popup) has /Contents or an /Alt on its structure element");
            foreach (var annotation in _annotations.Where(a => a.Subtype is not ("Link" or "Widget" or "Popup")))
            {
                rule.Examined();
                if (string.IsNullOrWhiteSpace(_pdf.Text(annotation.Dict, "Contents")))
                    rule.Fail($"A /{annotation.Subtype} annotation has no /Contents.", annotation.Page, annotation.Shown);
            }
            return rule.ToCheck();
        }

        private AuditCheck TrapNet()
        {
            var rule = new Rule("28-007", "No TrapNet annotation");
            foreach (var annotation in _annotations.Where(a => a.Subtype == "TrapNet"))
                rule.Fail("A TrapNet annotation.", annotation.Page, annotation.Shown);
            return rule.ToCheck("None.");
        }

        private IEnumerable<AuditCheck> Tabs()
        {
            var missing = new Rule("28-008", "Every page with annotations has a /Tabs entry");
            var notStructure = new Rule("28-009", "Every page with annotations has /Tabs /S (structure order)");
            foreach (var page in _annotations.Select(a => a.Page).Distinct())
            {
                var (pageRef, dict) = _pages[page - 1];
                missing.Examined();
                var tabs = _pdf.Name(dict, "Tabs");
                if (tabs is null) missing.Fail("A page with annotations has no /Tabs.", page, PdfObjects.Show(pageRef));
                else
                {
                    notStructure.Examined();
                    if (tabs != "S") notStructure.Fail($"A page with annotations has /Tabs /{tabs}, not /S.", page, PdfObjects.Show(pageRef));
                }
            }
            return [missing.ToCheck(), notStructure.ToCheck()];
        }
    }
}
