using System.Text;
using System.Xml;
using HiiaPublish.Site.Citations;

namespace HiiaPublish.Site.Harvesting;

/// <summary>
/// oai.xml: an OAI-PMH 2.0 Static Repository (one XML file a static repository gateway serves to harvesters as an
/// OAI-PMH endpoint), with a Dublin Core record of every paper: title, authors, date, language, publisher, series,
/// keywords, abstract, the page, the PDF and the DOI. The protocol caps a static repository at 5,000 records.
/// Datestamps are the papers' last publication days, so a harvester asking "what changed since" sees corrections.
/// </summary>
public static class OaiStaticRepositoryWriter
{
    public const int MaxRecords = 5000;
    private const string Sr = "http://www.openarchives.org/OAI/2.0/static-repository";
    private const string Oai = "http://www.openarchives.org/OAI/2.0/";
    private const string OaiDc = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    private const string Dc = "http://purl.org/dc/elements/1.1/";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };

    public static byte[] Write(Catalogue catalogue, SiteRenderer site)
    {
        var host = new Uri(site.BaseUrl).Host;
        var entries = catalogue.Entries.Take(MaxRecords).ToArray();
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Repository", Sr);
            xml.WriteAttributeString("xmlns", "oai", null, Oai);
            xml.WriteAttributeString("xsi", "schemaLocation", Xsi,
                $"{Sr} http://www.openarchives.org/OAI/2.0/static-repository.xsd");

            xml.WriteStartElement("Identify", Sr);
            Element(xml, Oai, "repositoryName", site.Branding.English.Series + " / " + site.Branding.Hungarian.Series);
            Element(xml, Oai, "baseURL", site.AbsoluteUrl(SitePaths.OaiRepository));
            Element(xml, Oai, "protocolVersion", "2.0");
            Element(xml, Oai, "adminEmail", site.Branding.Crossref.DepositorEmail.Length > 0 ? site.Branding.Crossref.DepositorEmail : "info@" + host);
            Element(xml, Oai, "earliestDatestamp", entries.Length == 0 ? "2000-01-01" : entries.Min(e => Day(e.FirstPublished))!);
            Element(xml, Oai, "deletedRecord", "no");
            Element(xml, Oai, "granularity", "YYYY-MM-DD");
            xml.WriteEndElement();

            xml.WriteStartElement("ListMetadataFormats", Sr);
            xml.WriteStartElement("metadataFormat", Oai);
            Element(xml, Oai, "metadataPrefix", "oai_dc");
            Element(xml, Oai, "schema", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
            Element(xml, Oai, "metadataNamespace", OaiDc);
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("ListRecords", Sr);
            xml.WriteAttributeString("metadataPrefix", "oai_dc");
            foreach (var entry in entries.OrderBy(e => e.Slug, StringComparer.Ordinal))
                WriteRecord(xml, entry, PaperCitation.For(entry, site), host);
            xml.WriteEndElement();

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteRecord(XmlWriter xml, CatalogueEntry entry, PaperCitation paper, string host)
    {
        xml.WriteStartElement("record", Oai);
        xml.WriteStartElement("header", Oai);
        Element(xml, Oai, "identifier", $"oai:{host}:{entry.Slug}");
        Element(xml, Oai, "datestamp", Day(entry.LastPublished));
        xml.WriteEndElement();
        xml.WriteStartElement("metadata", Oai);
        xml.WriteStartElement("oai_dc", "dc", OaiDc);
        xml.WriteAttributeString("xmlns", "dc", null, Dc);
        xml.WriteAttributeString("xsi", "schemaLocation", Xsi, $"{OaiDc} http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
        Element(xml, Dc, "title", paper.Subtitle is null ? paper.Title : $"{paper.Title}: {paper.Subtitle}");
        foreach (var author in paper.Authors) Element(xml, Dc, "creator", author);
        foreach (var keyword in paper.Keywords) Element(xml, Dc, "subject", keyword);
        Element(xml, Dc, "description", paper.Abstract);
        Element(xml, Dc, "publisher", paper.Publisher);
        Element(xml, Dc, "date", paper.IsoDate);
        Element(xml, Dc, "type", "Text");
        Element(xml, Dc, "type", "report");
        Element(xml, Dc, "format", "application/pdf");
        Element(xml, Dc, "identifier", paper.LandingUrl);
        Element(xml, Dc, "identifier", paper.PdfUrl);
        if (paper.DoiUrl is not null) Element(xml, Dc, "identifier", paper.DoiUrl);
        Element(xml, Dc, "language", paper.LanguageCode);
        Element(xml, Dc, "relation", paper.Number is null ? paper.Series : $"{paper.Series} {paper.Number}");
        if (paper.Issn is not null) Element(xml, Dc, "relation", "ISSN " + paper.Issn);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static void Element(XmlWriter xml, string ns, string name, string value) => xml.WriteElementString(name, ns, HtmlText.Clean(value));
}
