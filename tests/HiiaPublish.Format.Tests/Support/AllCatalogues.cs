using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Rendering;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Typesetting.Output;

namespace HiiaPublish.Format.Tests.Support;

/// <summary>
/// Every catalogue of codes in the house, by the project that owns it: the parser's here in Format, rendering's,
/// publishing's and the typesetter's. A project that starts reporting codes adds its catalogue here, and
/// <c>DiagnosticCatalogueTests</c> finds a descriptor left out of every catalogue.
/// </summary>
internal static class AllCatalogues
{
    public static IReadOnlyDictionary<string, IReadOnlyList<DiagnosticDescriptor>> Descriptors { get; } =
        new Dictionary<string, IReadOnlyList<DiagnosticDescriptor>>
        {
            ["Format"] = DiagnosticCatalog.All,
            ["Rendering"] = RenderDiagnosticCatalog.All,
            ["Site"] = PublicationDiagnosticCatalog.All,
        };

    /// <summary>All codes as the guide lists them; the typesetter's are all warnings (the layout bent and still finished).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<CodeEntry>> Entries { get; } =
        Descriptors.ToDictionary(
                catalogue => catalogue.Key,
                catalogue => (IReadOnlyList<CodeEntry>)[.. catalogue.Value.Select(d => new CodeEntry(d.Code, d.Severity == Severity.Error ? "error" : "warning", d.Title))])
            .Append(new("Typesetting", [.. TypesetWarningCatalog.All.Select(d => new CodeEntry(d.Code, "warning", d.Title))]))
            .ToDictionary();
}
