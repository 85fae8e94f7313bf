using System.Globalization;
using System.Text;
using System.Xml;
using HiiaPublish.Format.Branding;

namespace HiiaPublish.Site.Citations;

/// <summary>
/// crossref.xml: a Crossref deposit (schema 5.3.1) registering the paper's DOI as a report-paper, for the institute
/// to upload through Crossref's web deposit form or its deposit API. The site never calls Crossref. Written only for
/// a paper with a DOI. The batch id and timestamp come from the revision and its publication instant, so the same
/// revision gives the same bytes, and a correction gives a later timestamp (Crossref keeps the newest deposit).
/// </summary>
public static class CrossrefDepositWriter
{
    public const string Namespace = "http://www.crossref.org/schema/5.3.1";
    private const string SchemaLocation = "http://www.crossref.org/schema/5.3.1 https://www.crossref.org/schemas/crossref5.3.1.xsd";
    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n", CheckCharacters = true,
    };

    public static byte[]? Write(PaperCitation paper, CrossrefDepositor depositor, string revision, DateTimeOffset publishedAt)
    {
        if (paper.Doi is null) return null;
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("doi_batch", Namespace);
            xml.WriteAttributeString("version", "5.3.1");
            xml.WriteAttributeString("xsi", "schemaLocation", XsiNamespace, SchemaLocation);

            xml.WriteStartElement("head", Namespace);
            Element(xml, "doi_batch_id", $"{paper.Slug}-{revision[..Math.Min(12, revision.Length)]}");
            Element(xml, "timestamp", publishedAt.ToUniversalTime().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
            xml.WriteStartElement("depositor", Namespace);
            Element(xml, "depositor_name", depositor.DepositorName.Length > 0 ? depositor.DepositorName : paper.Publisher);
            Element(xml, "email_address", depositor.DepositorEmail);
            xml.WriteEndElement();
            Element(xml, "registrant", paper.Publisher);
            xml.WriteEndElement();

            xml.WriteStartElement("body", Namespace);
            xml.WriteStartElement("report-paper", Namespace);
            xml.WriteStartElement(paper.Issn is null ? "report-paper_metadata" : "report-paper_series_metadata", Namespace);
            xml.WriteAttributeString("language", paper.LanguageCode);
            if (paper.Issn is not null)
            {
                xml.WriteStartElement("series_metadata", Namespace);
                xml.WriteStartElement("titles", Namespace);
                Element(xml, "title", paper.Series);
                xml.WriteEndElement();
                xml.WriteStartElement("issn", Namespace);
                xml.WriteAttributeString("media_type", "electronic");
                xml.WriteString(Clean(paper.Issn));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            if (paper.Authors.Count > 0)
            {
                xml.WriteStartElement("contributors", Namespace);
                for (var i = 0; i < paper.Authors.Count; i++)
                {
                    var (family, given) = paper.NameParts(i);
                    xml.WriteStartElement("person_name", Namespace);
                    xml.WriteAttributeString("sequence", i == 0 ? "first" : "additional");
                    xml.WriteAttributeString("contributor_role", "author");
                    if (given is not null) Element(xml, "given_name", given);
                    Element(xml, "surname", family);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteStartElement("titles", Namespace);
            Element(xml, "title", paper.Title);
            if (paper.Subtitle is not null) Element(xml, "subtitle", paper.Subtitle);
            xml.WriteEndElement();
            xml.WriteStartElement("publication_date", Namespace);
            xml.WriteAttributeString("media_type", "online");
            Element(xml, "month", paper.Date.Month.ToString("00", CultureInfo.InvariantCulture));
            Element(xml, "day", paper.Date.Day.ToString("00", CultureInfo.InvariantCulture));
            Element(xml, "year", paper.Date.Year.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteStartElement("publisher", Namespace);
            Element(xml, "publisher_name", paper.Publisher);
            xml.WriteEndElement();
            xml.WriteStartElement("institution", Namespace);
            Element(xml, "institution_name", paper.Publisher);
            xml.WriteEndElement();
            if (paper.Number is not null)
            {
                xml.WriteStartElement("publisher_item", Namespace);
                xml.WriteStartElement("item_number", Namespace);
                xml.WriteAttributeString("item_number_type", "report-number");
                xml.WriteString(Clean(paper.Number));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteStartElement("doi_data", Namespace);
            Element(xml, "doi", paper.Doi);
            Element(xml, "resource", paper.LandingUrl);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void Element(XmlWriter xml, string name, string value) => xml.WriteElementString(name, Namespace, Clean(value));

    // XmlWriter escapes < > & and quotes; characters XML cannot hold at all are dropped first.
    internal static string Clean(string value) => HtmlText.Clean(value);
}
