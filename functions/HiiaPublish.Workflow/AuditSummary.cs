using HiiaPublish.Pdf.Audit;

namespace HiiaPublish.Workflow;

/// <summary>
/// What the accessibility audit said about a revision's preview, kept with the revision ("accessibility: 31 of 32
/// checks pass"). Bounded, because it travels inside the revision's one JSON column in Table storage (64 KiB):
/// at most <see cref="MaxFailures"/> failed checks, each title and detail cut to <see cref="MaxText"/> characters.
/// </summary>
public sealed record AuditSummary(int Passed, int Total, IReadOnlyList<AuditFailure> Failed, string? Unreadable = null)
{
    public const int MaxFailures = 40;
    public const int MaxText = 200;

    public bool AllPass => Unreadable is null && Passed == Total && Failed.Count == 0;

    public static AuditSummary Of(AuditReport report) => new(
        report.PassedCount,
        report.Checks.Count,
        [.. report.Failed.Take(MaxFailures).Select(c => new AuditFailure(c.Id, Cut(c.Title), c.Page, Cut(c.Detail)))],
        report.Unreadable is null ? null : Cut(report.Unreadable));

    /// <summary>One sentence naming what failed, for a refusal to publish.</summary>
    public string Sentence() => Unreadable is not null
        ? $"The preview PDF could not be audited: {Unreadable}"
        : $"{Total - Passed} of {Total} accessibility checks fail: {string.Join("; ", Failed.Select(f => $"{f.Id} ({f.Title})"))}.";

    private static string Cut(string text) => text.Length > MaxText ? text[..MaxText] + "…" : text;
}

public sealed record AuditFailure(string Id, string Title, int? Page, string Detail);
