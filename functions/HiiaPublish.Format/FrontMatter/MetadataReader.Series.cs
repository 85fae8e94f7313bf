using System.Text.RegularExpressions;
using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;

namespace HiiaPublish.Format.FrontMatter;

// The fields that place a paper among others: its number in the series, its DOI, its twin in the other language,
// and keywords as topics.
internal sealed partial class MetadataReader
{
    private const string DoiResolver = "https://doi.org/";

    // "2026/7": the year, a slash and the paper's number within the year.
    [GeneratedRegex(@"^[12][0-9]{3}/[1-9][0-9]{0,3}$")]
    private static partial Regex NumberShape();

    // A DOI is "10.", a registrant code of digits (dots may separate sub-codes), "/" and a suffix of printable
    // characters without spaces. Crossref recommends a-z, 0-9 and - . _ ; ( ) / in suffixes; those, and nothing that
    // would need escaping in a URL, BibTeX or XML, are what this accepts.
    [GeneratedRegex(@"^10\.[0-9]{4,9}(\.[0-9]+)*/[A-Za-z0-9\-._;()/:]{1,200}$")]
    private static partial Regex DoiShape();

    private string? ReadNumber(YamlMapping fields)
    {
        var entry = Find(fields, "number");
        var written = OptionalText(fields, "number");
        if (entry is null || written is null) return null;
        if (NumberShape().IsMatch(written)) return written;
        _diagnostics.ReportField(DiagnosticCatalog.InvalidNumber, At(entry.Value), "/number", TextSnippet.Of(written));
        return null;
    }

    private string? ReadDoi(YamlMapping fields)
    {
        var entry = Find(fields, "doi");
        var written = OptionalText(fields, "doi");
        if (entry is null || written is null) return null;
        var doi = written.StartsWith(DoiResolver, StringComparison.OrdinalIgnoreCase) ? written[DoiResolver.Length..]
            : written.StartsWith("doi:", StringComparison.OrdinalIgnoreCase) ? written[4..].Trim() : written;
        if (DoiShape().IsMatch(doi)) return doi;
        _diagnostics.ReportField(DiagnosticCatalog.InvalidDoi, At(entry.Value), "/doi", TextSnippet.Of(written));
        return null;
    }

    private string? ReadTranslationOf(YamlMapping fields, string? ownSlug)
    {
        var entry = Find(fields, "translation_of");
        var written = OptionalText(fields, "translation_of");
        if (entry is null || written is null) return null;
        if (!SlugBuilder.IsValid(written))
            _diagnostics.ReportField(DiagnosticCatalog.BadTranslationOf, At(entry.Value), "/translation_of", TextSnippet.Of(written),
                "is not a slug (lower-case letters a-z, digits and single hyphens)");
        else if (written == ownSlug)
            _diagnostics.ReportField(DiagnosticCatalog.BadTranslationOf, At(entry.Value), "/translation_of", TextSnippet.Of(written),
                "is this paper's own slug");
        else
            return written;
        return null;
    }

    /// <summary>
    /// corrects: the slug of the published paper this draft corrects (issue 15). A correction lives at the address of
    /// the paper it corrects, so the field must repeat this draft's own slug: naming another one would mean the
    /// correction goes elsewhere, which is always a mistake. Whether that paper is published is known at upload and
    /// publication only.
    /// </summary>
    private string? ReadCorrects(YamlMapping fields, string? ownSlug)
    {
        var entry = Find(fields, "corrects");
        var written = OptionalText(fields, "corrects");
        if (entry is null || written is null) return null;
        var trimmed = written.Trim();
        if (!SlugBuilder.IsValid(trimmed))
            _diagnostics.ReportField(DiagnosticCatalog.BadCorrects, At(entry.Value), "/corrects", TextSnippet.Of(written),
                "is not a slug (lower-case letters a-z, digits and single hyphens)");
        else if (ownSlug is not null && trimmed != ownSlug)
            _diagnostics.ReportField(DiagnosticCatalog.CorrectsAnotherSlug, At(entry.Value), "/corrects", trimmed, ownSlug);
        else
            return trimmed;
        return null;
    }

    /// <summary>Two keywords whose topic pages would be the same page ("Energy security" and "energy-security").</summary>
    private void CheckKeywordTopics(YamlMapping fields)
    {
        if (Find(fields, "keywords")?.Value is not YamlSequence sequence) return;
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is not YamlScalar { IsNull: false } scalar || string.IsNullOrWhiteSpace(scalar.Value)) continue;
            var keyword = scalar.Value.Trim();
            var topic = SlugBuilder.Derive(keyword);
            if (topic.Length == 0) continue;
            if (seen.TryGetValue(topic, out var earlier))
                _diagnostics.ReportField(DiagnosticCatalog.KeywordTopicCollision, At(scalar), $"/keywords/{i}",
                    TextSnippet.Of(keyword), TextSnippet.Of(earlier), topic);
            else
                seen[topic] = keyword;
        }
    }
}
