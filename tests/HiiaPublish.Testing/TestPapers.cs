using System.Security.Cryptography;
using System.Text;
using HiiaPublish.Format.Common;
using HiiaPublish.Format;
using HiiaPublish.Site.Publishing;

namespace HiiaPublish.Testing;

/// <summary>Hand-built papers and requests: the parser is not needed to test the site.</summary>
public static class TestPapers
{
    public static readonly DateTimeOffset Noon = new(2026, 4, 21, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The smallest file that starts like a PDF, made different per paper and revision.</summary>
    public static byte[] FakePdf(string marker) => Encoding.ASCII.GetBytes($"%PDF-1.7\n% {marker}\n%%EOF\n");

    public static string RevisionOf(string source) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));

    public static Perspective Paper(string slug = "open-war", string title = "From Sanctuary to “Open War”", DateOnly? date = null,
        PaperLanguage language = PaperLanguage.English, string? subtitle = "How Pakistan Soured on the Taliban",
        IEnumerable<Author>? authors = null, string abstractText = "Pakistan's relations with the Taliban have broken down.",
        IEnumerable<string>? keywords = null, IEnumerable<Block>? body = null, IEnumerable<Footnote>? footnotes = null, CoverImage? cover = null) =>
        new(new PerspectiveMetadata(title, subtitle, date ?? new DateOnly(2026, 4, 21), language,
                (authors ?? [new Author("Zsolt Trembeczki", "Visiting Fellow, HIIA")]).ToEquatableList(),
                EquatableList.Of("Anna Copy"), EquatableList.Of<Inline>(new Text(abstractText)),
                (keywords ?? ["Pakistan", "Taliban"]).ToEquatableList(), cover, slug, "HIIA Perspective"),
            (body ?? StandardBody()).ToEquatableList(),
            (footnotes ?? StandardNotes()).ToEquatableList());

    public static IEnumerable<Block> StandardBody() =>
    [
        new Heading(10, 2, EquatableList.Of<Inline>(new Text("From Friction to “Open Warfare”"))),
        new Paragraph(11, EquatableList.Of<Inline>(new Text("Relations soured quickly."), new FootnoteReference(1),
            new Text(" See "), new Link("https://www.brookings.edu/", EquatableList.Of<Inline>(new Text("Brookings")), false), new Text("."))),
        new Heading(13, 3, EquatableList.Of<Inline>(new Text("The border"))),
        new Paragraph(14, EquatableList.Of<Inline>(new Emphasis(EquatableList.Of<Inline>(new Text("Durand"))), new Text(" line."), new FootnoteReference(2))),
        new Heading(16, 2, EquatableList.Of<Inline>(new Text("Conclusion"))),
        new ListBlock(17, false, 1, EquatableList.Of(new ListItem(EquatableList.Of<Block>(new Paragraph(17, EquatableList.Of<Inline>(new Text("One."))))))),
        new Table(19, EquatableList.Of(ColumnAlignment.Left, ColumnAlignment.Right), EquatableList.Of(
            new TableRow(true, EquatableList.Of(EquatableList.Of<Inline>(new Text("Year")), EquatableList.Of<Inline>(new Text("Attacks")))),
            new TableRow(false, EquatableList.Of(EquatableList.Of<Inline>(new Text("2025")), EquatableList.Of<Inline>(new Text("12")))))),
        new Paragraph(22, EquatableList.Of<Inline>(new Text("Again."), new FootnoteReference(1))),
    ];

    public static IEnumerable<Footnote> StandardNotes() =>
    [
        new Footnote(1, "riedel", EquatableList.Of<Block>(new Paragraph(30, EquatableList.Of<Inline>(new Text("Bruce Riedel, “Pakistan,” "),
            new Emphasis(EquatableList.Of<Inline>(new Text("Brookings"))), new Text(", 2013.")))), 30),
        new Footnote(2, "bbc", EquatableList.Of<Block>(new Paragraph(31, EquatableList.Of<Inline>(new Text("BBC, 2025.")))), 31),
    ];

    public static PublicationRequest Request(Perspective paper, string revisionSource = "r1", DateTimeOffset? at = null, byte[]? cover = null,
        IReadOnlyDictionary<string, byte[]>? figures = null) =>
        new(paper, FakePdf(paper.Metadata.Slug + revisionSource), 7, RevisionOf(paper.Metadata.Slug + revisionSource), at ?? Noon, cover, figures);

    /// <summary>A 1×1 PNG: valid enough for a browser, tiny for a test.</summary>
    public static byte[] TinyPng() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
