using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace HiiaPublish.Site;

/// <summary>
/// The schema.org Report for a landing page's &lt;script type="application/ld+json"&gt;. The encoder escapes
/// &lt; &gt; &amp; ' and ", so no value can close the script element ("&lt;/script&gt;" becomes "\u003C/script\u003E").
/// </summary>
internal static class JsonLdWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Report(CatalogueEntry entry, SiteRenderer site, CatalogueEntry? twin = null)
    {
        var wording = site.Branding.For(SiteRenderer.LanguageOf(entry));
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "Report");
            json.WriteString("@id", site.AbsoluteUrl(entry.LandingPath));
            json.WriteString("headline", HtmlText.Clean(entry.Title));
            json.WriteString("name", HtmlText.Clean(entry.Title));
            if (entry.Subtitle is not null) json.WriteString("alternativeHeadline", HtmlText.Clean(entry.Subtitle));
            json.WriteStartArray("author");
            foreach (var author in entry.Authors)
            {
                json.WriteStartObject();
                json.WriteString("@type", "Person");
                json.WriteString("name", HtmlText.Clean(author.Name));
                if (author.Role is not null) json.WriteString("jobTitle", HtmlText.Clean(author.Role));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("datePublished", entry.Date);
            if (entry.Corrected is { } corrected) json.WriteString("dateModified", SiteFormat.IsoInstant(corrected));
            json.WriteString("inLanguage", SiteRenderer.LanguageOf(entry) == Format.PaperLanguage.Hungarian ? "hu" : "en");
            json.WriteString("abstract", entry.AbstractText);
            if (entry.Keywords.Count > 0) json.WriteString("keywords", string.Join(", ", entry.Keywords.Select(HtmlText.Clean)));
            json.WriteString("url", site.AbsoluteUrl(entry.LandingPath));
            if (entry.CoverPath is not null) json.WriteString("image", site.AbsoluteUrl(entry.CoverPath));
            if (entry.Number is not null) json.WriteString("reportNumber", entry.Number);
            if (entry.Doi is not null)
            {
                json.WriteString("sameAs", "https://doi.org/" + entry.Doi);
                json.WriteStartObject("identifier");
                json.WriteString("@type", "PropertyValue");
                json.WriteString("propertyID", "DOI");
                json.WriteString("value", entry.Doi);
                json.WriteEndObject();
            }
            json.WriteStartObject("isPartOf");
            json.WriteString("@type", "CreativeWorkSeries");
            json.WriteString("name", wording.Series);
            if (wording.Issn is not null) json.WriteString("issn", wording.Issn);
            json.WriteEndObject();
            if (twin is not null)
            {
                // The paper that names its twin is the translation; the other is the original work.
                json.WriteStartObject(entry.TranslationOf == twin.Slug ? "translationOfWork" : "workTranslation");
                json.WriteString("@type", "Report");
                json.WriteString("@id", site.AbsoluteUrl(twin.LandingPath));
                json.WriteString("url", site.AbsoluteUrl(twin.LandingPath));
                json.WriteString("name", HtmlText.Clean(twin.Title));
                json.WriteString("inLanguage", twin.Language);
                json.WriteEndObject();
            }
            json.WriteStartObject("publisher");
            json.WriteString("@type", "Organization");
            json.WriteString("name", wording.Institute);
            json.WriteString("url", site.Branding.HomepageUrl);
            json.WriteEndObject();
            json.WriteStartObject("encoding");
            json.WriteString("@type", "MediaObject");
            json.WriteString("contentUrl", site.AbsoluteUrl(entry.PdfPath));
            json.WriteString("encodingFormat", "application/pdf");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
