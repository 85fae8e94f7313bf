using System.Text;

namespace HiiaPublish.Site.Citations;

/// <summary>
/// {slug}.bib: one BibTeX @techreport. Every value is braced, and every character that BibTeX or LaTeX would read
/// as markup is written as a command: braces as \textbraceleft{} and \textbraceright{} (BibTeX counts even an
/// escaped brace, so "\{" could unbalance the entry), the backslash as \textbackslash{}, and # $ % &amp; _ ~ ^.
/// Line breaks become spaces. Letters stay as they are (UTF-8: biber and bibtex8 read them).
/// </summary>
public static class BibTexWriter
{
    public static byte[] Write(PaperCitation paper)
    {
        var bib = new StringBuilder();
        bib.Append("@techreport{").Append(paper.Slug).Append(",\n");
        Field(bib, "author", string.Join(" and ", paper.Authors.Select(a => "{" + Escape(a) + "}")), escaped: true);
        Field(bib, "title", "{" + Escape(paper.Subtitle is null ? paper.Title : paper.Title + ": " + paper.Subtitle) + "}", escaped: true);
        Field(bib, "institution", paper.Publisher);
        Field(bib, "type", paper.Series);
        if (paper.Number is not null) Field(bib, "number", paper.Number);
        Field(bib, "year", paper.Date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(bib, "month", paper.Date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(bib, "date", paper.IsoDate);
        if (paper.Issn is not null) Field(bib, "issn", paper.Issn);
        if (paper.Doi is not null) Field(bib, "doi", paper.Doi);
        Field(bib, "url", paper.LandingUrl);
        Field(bib, "language", paper.LanguageCode == "hu" ? "hungarian" : "english");
        if (paper.Keywords.Count > 0) Field(bib, "keywords", string.Join(", ", paper.Keywords));
        bib.Length -= 2; // the last ",\n"
        bib.Append("\n}\n");
        return Encoding.UTF8.GetBytes(bib.ToString());
    }

    private static void Field(StringBuilder bib, string name, string value, bool escaped = false) =>
        bib.Append("  ").Append(name).Append(" = {").Append(escaped ? value : Escape(value)).Append("},\n");

    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '{' => @"\textbraceleft{}",
                '}' => @"\textbraceright{}",
                '\\' => @"\textbackslash{}",
                '#' => @"\#",
                '$' => @"\$",
                '%' => @"\%",
                '&' => @"\&",
                '_' => @"\_",
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                '\r' or '\n' or '\t' or '\f' or '\v' or '\u2028' or '\u2029' => " ",
                _ when char.IsControl(c) => "",
                _ => c.ToString(),
            });
        }
        return text.ToString();
    }
}
