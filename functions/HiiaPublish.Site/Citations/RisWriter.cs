using System.Text;

namespace HiiaPublish.Site.Citations;

/// <summary>
/// {slug}.ris: one RIS record (type RPRT). RIS is a line per tag ("TY  - RPRT"), so a line break inside a value
/// would start a new tag: every line break and control character becomes a space.
/// </summary>
public static class RisWriter
{
    public static byte[] Write(PaperCitation paper)
    {
        var ris = new StringBuilder();
        Line(ris, "TY", "RPRT");
        foreach (var author in paper.Authors)
            Line(ris, "AU", author);
        Line(ris, "TI", paper.Title);
        if (paper.Subtitle is not null) Line(ris, "T2", paper.Subtitle);
        Line(ris, "T3", paper.Series);
        Line(ris, "PB", paper.Publisher);
        if (paper.Number is not null) Line(ris, "IS", paper.Number);
        if (paper.Issn is not null) Line(ris, "SN", paper.Issn);
        Line(ris, "PY", paper.Date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(ris, "DA", paper.Date.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture));
        if (paper.Doi is not null) Line(ris, "DO", paper.Doi);
        Line(ris, "UR", paper.LandingUrl);
        Line(ris, "L1", paper.PdfUrl);
        Line(ris, "LA", paper.LanguageCode);
        foreach (var keyword in paper.Keywords) Line(ris, "KW", keyword);
        Line(ris, "AB", paper.Abstract);
        ris.Append("ER  - \r\n");
        return Encoding.UTF8.GetBytes(ris.ToString());
    }

    // RIS lines end in CR LF, the form every reference manager reads.
    private static void Line(StringBuilder ris, string tag, string value) =>
        ris.Append(tag).Append("  - ").Append(OneLine(value)).Append("\r\n");

    public static string OneLine(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
            text.Append(char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' ? ' ' : c);
        return text.ToString().Trim();
    }
}
