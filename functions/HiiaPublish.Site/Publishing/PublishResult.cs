using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Site;

namespace HiiaPublish.Site.Publishing;

public enum PublishOutcome
{
    /// <summary>Nothing was written: the request has errors (see the diagnostics).</summary>
    Refused,
    /// <summary>The paper is new on the site.</summary>
    FirstPublication,
    /// <summary>A new revision replaced the paper; the previous PDF stays under its versioned name.</summary>
    Correction,
    /// <summary>This revision was already published; only what was missing or different was written.</summary>
    AlreadyPublished,
}

/// <summary>What a publish did: its outcome, the paper's catalogue entry, and every object it actually wrote.</summary>
public sealed record PublishResult(
    PublishOutcome Outcome,
    IReadOnlyList<Diagnostic> Diagnostics,
    CatalogueEntry? Entry,
    IReadOnlyList<string> WrittenPaths,
    long BytesWritten,
    int CatalogueAttempts)
{
    public bool Published => Outcome != PublishOutcome.Refused;
    public string IndexPath => SitePaths.ListingPage(null, 1);

    public static PublishResult Refused(IReadOnlyList<Diagnostic> diagnostics) => new(PublishOutcome.Refused, diagnostics, null, [], 0, 0);
}
