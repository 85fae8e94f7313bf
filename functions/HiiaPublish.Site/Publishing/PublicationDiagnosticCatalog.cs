using HiiaPublish.Format.Diagnostics;
using static HiiaPublish.Format.Diagnostics.DiagnosticDescriptor;

namespace HiiaPublish.Site.Publishing;

/// <summary>
/// Every diagnostic a publish can report (HP07xx; the parser's are HP00xx–HP01xx, rendering's HP02xx). Codes are
/// stable and docs/perspective-format.md explains each: never reuse or renumber one.
/// </summary>
internal static class PublicationDiagnosticCatalog
{

    // The request itself.
    public static readonly DiagnosticDescriptor InvalidSlug = Error("HP0701", "Slug cannot name a web address",
        "The slug '{0}' cannot name a web address: use 1–100 lower-case letters, digits and hyphens, not starting or ending with a hyphen.");
    public static readonly DiagnosticDescriptor NotAPdf = Error("HP0702", "Approved file is not a PDF",
        "The approved file is not a PDF (it does not start with %PDF-): render the paper again and approve the new PDF.");
    public static readonly DiagnosticDescriptor InvalidPageCount = Error("HP0703", "Page count unknown",
        "The PDF is said to have {0} pages: render the paper again so its page count is known.");
    public static readonly DiagnosticDescriptor InvalidRevision = Error("HP0704", "Invalid revision id",
        "The revision id must be the SHA-256 of the source in 64 lower-case hex digits: publish through the pipeline, which computes it.");
    public static readonly DiagnosticDescriptor UnsupportedCover = Warning("HP0705", "Cover neither PNG nor JPEG",
        "The cover image is neither PNG nor JPEG, so the web page shows no cover: save it as PNG or JPEG.");
    public static readonly DiagnosticDescriptor MissingFigure = Warning("HP0706", "Figure missing from the web page",
        "The figure '{0}' is missing or is neither PNG nor JPEG, so the web page shows its alt text instead.");

    // The site as it is found.
    public static readonly DiagnosticDescriptor SupersededRevision = Error("HP0707", "Revision already replaced",
        "This revision was already replaced on the site by a later correction, so it is not published again: approve the current revision instead.");
    public static readonly DiagnosticDescriptor ListingsStillChanging = Warning("HP0708", "Listings still changing",
        "Other papers kept being published while the listings were rebuilt; this paper is in the catalogue, and the next publish (or running this one again) brings the listings up to date.");
    public static readonly DiagnosticDescriptor CatalogueBusy = Error("HP0709", "Catalogue busy",
        "The catalogue changed {0} times while this paper was being added (many papers published at once). Nothing is broken: publish it again.");
    // Slug collisions with a different paper (issue 15).
    public static readonly DiagnosticDescriptor SlugTakenByAnotherPaper = Error("HP0720", "Slug taken by another paper",
        "The web address '{0}' already belongs to \"{1}\" by {2}; this draft, \"{3}\" by {4}, is another paper (other title, other authors), so it would replace it. Give this draft its own 'slug:'; if it corrects that paper, keep its title or an author, or add 'corrects: {0}' to its front matter.");
    public static readonly DiagnosticDescriptor CorrectsNothingPublished = Error("HP0721", "Corrects a paper that is not published",
        "corrects names '{0}', but no paper is published at that address, so there is nothing to correct: remove 'corrects:' to publish this as a new paper, or check the slug.");

    // The paper among the others (issue 13): HP0710–HP0719. Warnings: the paper is published, without the link.
    public static readonly DiagnosticDescriptor TwinMissing = Warning("HP0710", "Translation not on the site yet",
        "translation_of names '{0}', which is not on the site yet; the two pages link each other once it is published (check the slug if it is).");
    public static readonly DiagnosticDescriptor TwinSameLanguage = Warning("HP0711", "Translation in the same language",
        "translation_of names '{0}', which is also in {1}, so the pages are not linked as translations: name the paper in the other language.");
    public static readonly DiagnosticDescriptor TwinTaken = Warning("HP0712", "Translation already paired",
        "translation_of names '{0}', but it (or this paper) is already paired with another translation, so the pages are not linked: correct translation_of on one of the papers.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        InvalidSlug, NotAPdf, InvalidPageCount, InvalidRevision, UnsupportedCover, MissingFigure,
        SupersededRevision, ListingsStillChanging, CatalogueBusy,
        TwinMissing, TwinSameLanguage, TwinTaken,
        SlugTakenByAnotherPaper, CorrectsNothingPublished,
    ];

    /// <summary>A problem of the request as a whole: it points at the start of the draft's file.</summary>
    public static Diagnostic Report(DiagnosticDescriptor descriptor, PublicationRequest request, params object?[] arguments) =>
        descriptor.At(request.DiagnosticFile, 1, 1, arguments);
}
