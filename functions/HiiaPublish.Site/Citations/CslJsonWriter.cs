using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace HiiaPublish.Site.Citations;

/// <summary>{slug}.json: CSL-JSON, an array of one item of type "report", as Zotero, Mendeley and citeproc read it.</summary>
public static class CslJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static byte[] Write(PaperCitation paper)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("id", paper.Slug);
            json.WriteString("type", "report");
            json.WriteString("title", paper.Subtitle is null ? paper.Title : paper.Title + ": " + paper.Subtitle);
            json.WriteStartArray("author");
            foreach (var author in paper.Authors)
            {
                // The whole name as written: which part is the family name depends on how the editor wrote it.
                json.WriteStartObject();
                json.WriteString("literal", author);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("issued");
            json.WriteStartArray("date-parts");
            json.WriteStartArray();
            json.WriteNumberValue(paper.Date.Year);
            json.WriteNumberValue(paper.Date.Month);
            json.WriteNumberValue(paper.Date.Day);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("collection-title", paper.Series);
            json.WriteString("genre", paper.Series);
            json.WriteString("publisher", paper.Publisher);
            if (paper.Number is not null) json.WriteString("number", paper.Number);
            if (paper.Issn is not null) json.WriteString("ISSN", paper.Issn);
            if (paper.Doi is not null) json.WriteString("DOI", paper.Doi);
            json.WriteString("URL", paper.LandingUrl);
            json.WriteString("language", paper.LanguageCode);
            json.WriteString("abstract", paper.Abstract);
            if (paper.Keywords.Count > 0) json.WriteString("keyword", string.Join(", ", paper.Keywords));
            json.WriteString("number-of-pages", paper.Pages.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteEndArray();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
