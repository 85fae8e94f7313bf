using static HiiaPublish.Format.Diagnostics.DiagnosticDescriptor;

namespace HiiaPublish.Format.Diagnostics;

/// <summary>
/// Every diagnostic the perspective format can report. Codes are stable: editors and CI logs refer
/// to them, and docs/perspective-format.md explains each. Never reuse or renumber a code.
/// </summary>
public static class DiagnosticCatalog
{

    // The file as a whole.
    public static readonly DiagnosticDescriptor FileTooLarge = Error("HP0001", "File too large",
        "The file is {0:N0} bytes, more than the limit of {1:N0} bytes; shorten the paper or move large content out of it.");
    public static readonly DiagnosticDescriptor InvalidUtf8 = Error("HP0002", "File not valid UTF-8",
        "The file is not valid UTF-8 (byte 0x{0:X2} cannot start or continue a character here); save it with UTF-8 encoding.");
    public static readonly DiagnosticDescriptor MissingFrontMatter = Error("HP0003", "No front matter",
        "The file must start with front matter: a line '---', the fields (title, date, authors, abstract…), and another line '---'.");
    public static readonly DiagnosticDescriptor UnclosedFrontMatter = Error("HP0004", "Front matter not closed",
        "The front matter opened on line 1 is never closed; add a line '---' after the last field.");
    public static readonly DiagnosticDescriptor FrontMatterTooLarge = Error("HP0005", "Front matter too large",
        "The front matter is {0:N0} bytes, more than the limit of {1:N0} bytes; keep only the paper's fields there.");

    public static readonly DiagnosticDescriptor FileUnreadable = Error("HP0045", "File cannot be read",
        "The file cannot be read ({0}); check that it exists and that you may read it.");

    // YAML structure.
    public static readonly DiagnosticDescriptor YamlSyntax = Error("HP0006", "Front matter is not valid YAML",
        "The front matter cannot be read: {0} Check indentation, colons and quotes here; a value that contains ': ' or starts with a sign such as [ {{ & * ! | > ' \" % @ must be in quotes.");
    public static readonly DiagnosticDescriptor YamlAnchorOrAlias = Error("HP0007", "YAML anchor or alias",
        "YAML anchors (&name) and aliases (*name) are not allowed; write the value out in full.");
    public static readonly DiagnosticDescriptor YamlTag = Error("HP0008", "YAML tag",
        "YAML tags such as '{0}' are not allowed; remove the tag and write the plain value (quote it if needed).");
    public static readonly DiagnosticDescriptor YamlMergeKey = Error("HP0009", "YAML merge key",
        "YAML merge keys ('<<') are not allowed; write the fields out in full.");
    public static readonly DiagnosticDescriptor YamlTooDeep = Error("HP0010", "Front matter nested too deeply",
        "The front matter is nested more than {0} levels deep here; no field of a perspective needs that many levels.");
    public static readonly DiagnosticDescriptor DuplicateField = Error("HP0011", "Field given twice",
        "The field '{0}' is given twice (first on line {1}); keep only one.");

    // Fields.
    public static readonly DiagnosticDescriptor MissingField = Error("HP0012", "Required field missing",
        "The required field '{0}' is missing; {1}");
    public static readonly DiagnosticDescriptor EmptyField = Error("HP0013", "Required field empty",
        "The field '{0}' is empty; {1}");
    public static readonly DiagnosticDescriptor WrongType = Error("HP0014", "Field of the wrong kind",
        "The field '{0}' must be {1}, not {2}.");
    public static readonly DiagnosticDescriptor UnknownField = Warning("HP0015", "Unknown field",
        "The field '{0}' is not part of the format and is ignored{1}");
    public static readonly DiagnosticDescriptor InvalidDate = Error("HP0016", "Invalid date",
        "The date '{0}' is not a real date in the form YYYY-MM-DD (for example 2026-04-21).");
    public static readonly DiagnosticDescriptor UnknownLanguage = Error("HP0017", "Unknown language",
        "The language '{0}' is not supported; write 'en' for English or 'hu' for Hungarian.");
    public static readonly DiagnosticDescriptor BadSlug = Error("HP0018", "Bad slug",
        "The slug '{0}' must be lower-case letters a-z, digits and single hyphens, at most 80 characters{1}");
    public static readonly DiagnosticDescriptor NoSlugFromTitle = Error("HP0019", "No slug from the title",
        "No web address (slug) can be made from this title because it has no letters a-z or digits; add a field 'slug', e.g. 'slug: my-paper'.");
    public static readonly DiagnosticDescriptor AbstractNotOneParagraph = Error("HP0020", "Abstract not one paragraph",
        "The abstract must be exactly one paragraph of text; {0}");
    public static readonly DiagnosticDescriptor AbstractContent = Error("HP0021", "Not allowed in the abstract",
        "The abstract may hold only text, emphasis and links; remove the {0}.");
    public static readonly DiagnosticDescriptor CoverWithoutAlt = Error("HP0022", "Cover image without alt text",
        "The cover image needs a description for readers who cannot see it; add 'alt:' under 'cover:'.");
    public static readonly DiagnosticDescriptor CoverCreditWithoutImage = Warning("HP0046", "Cover credit without a cover image",
        "The cover credit '{0}' names a photo the paper does not have, so it is not printed; add 'image:' under 'cover:' or remove 'credit:'.");

    // Images (cover and figures).
    public static readonly DiagnosticDescriptor RemoteImage = Error("HP0023", "Remote image",
        "The image '{0}' is an address, not a file beside the draft, and images are never fetched; save the image beside the draft and give its file name.");
    public static readonly DiagnosticDescriptor BadImagePath = Error("HP0024", "Bad image path",
        "The image path '{0}' {1}; give a file name relative to the draft's folder, with '/' between folders.");
    public static readonly DiagnosticDescriptor UnsupportedImageType = Error("HP0025", "Unsupported image type",
        "The image '{0}' is not a PNG or JPEG file; save it as .png, .jpg or .jpeg.");
    public static readonly DiagnosticDescriptor MissingImage = Error("HP0026", "Image file missing",
        "The image file '{0}' does not exist beside the draft; upload it or correct the name (names are case-sensitive).");
    public static readonly DiagnosticDescriptor ImageContentMismatch = Error("HP0027", "Image content does not match its name",
        "The file '{0}' is not a real {1} image although its name says so; export it again as {1}.");

    // Body.
    public static readonly DiagnosticDescriptor EmptyBody = Error("HP0030", "Empty body",
        "The paper has no text after the front matter; write the sections below the closing '---'.");
    public static readonly DiagnosticDescriptor TitleHeadingInBody = Error("HP0031", "Level-1 heading in the body",
        "A '#' heading is not allowed: the title comes from the front matter. Use '##' for a section.");
    public static readonly DiagnosticDescriptor SkippedHeadingLevel = Error("HP0032", "Skipped heading level",
        "A '###' subsection must follow a '##' section; make this heading '##' or add a section before it.");
    public static readonly DiagnosticDescriptor HeadingTooDeep = Error("HP0033", "Heading level too deep",
        "Headings go two levels deep ('##' sections and '###' subsections); make this heading '###' or plain text.");
    public static readonly DiagnosticDescriptor NestedHeading = Error("HP0034", "Heading inside a quote, list or footnote",
        "Headings are allowed only at the top level of the body, not inside a quote, list or footnote.");
    public static readonly DiagnosticDescriptor RawHtml = Warning("HP0035", "Raw HTML",
        "HTML is not interpreted; '{0}' will be printed as it is written. Use Markdown instead, or remove it.");
    public static readonly DiagnosticDescriptor CodeBlock = Error("HP0036", "Code block",
        "Code blocks are not part of the format. If this text is indented by four spaces or fenced with ``` by accident, remove that.");
    public static readonly DiagnosticDescriptor ImageInText = Error("HP0037", "Image inside running text",
        "An image must stand alone in its own paragraph to become a figure; put a blank line before and after it.");
    public static readonly DiagnosticDescriptor FigureWithoutAlt = Error("HP0038", "Figure without alt text",
        "The image needs a description for readers who cannot see it: write it between the brackets, ![description](file.png).");
    public static readonly DiagnosticDescriptor LinkScheme = Error("HP0039", "Link not allowed",
        "The link '{0}' {1}; links must start with https://, http:// or mailto:.");
    public static readonly DiagnosticDescriptor NestingTooDeep = Error("HP0040", "Nesting too deep",
        "Quotes, lists or emphasis are nested more than {0} levels deep here; flatten the structure.");

    // Footnotes.
    public static readonly DiagnosticDescriptor FootnoteUndefined = Error("HP0041", "Footnote not defined",
        "The footnote [^{0}] is referenced but never defined; add a line '[^{0}]: the note's text' below the text.");
    public static readonly DiagnosticDescriptor FootnoteUnused = Warning("HP0042", "Footnote never referenced",
        "The footnote [^{0}] is defined but never referenced, so it will not be printed; add [^{0}] where it belongs or delete it.");
    public static readonly DiagnosticDescriptor FootnoteDuplicate = Error("HP0043", "Footnote defined twice",
        "The footnote [^{0}] is defined twice (first on line {1}); give each note its own label.");
    public static readonly DiagnosticDescriptor FootnoteInFootnote = Error("HP0044", "Footnote inside a footnote",
        "A footnote cannot refer to another footnote; write that reference into this note's text.");

    // The paper among others (issue 13): series number, DOI, translation, topics. HP0050–HP0059.
    public static readonly DiagnosticDescriptor InvalidNumber = Error("HP0050", "Invalid series number",
        "The number '{0}' is not a series number of the form YEAR/N, for example 'number: 2026/7'.");
    public static readonly DiagnosticDescriptor InvalidDoi = Error("HP0051", "Invalid DOI",
        "The DOI '{0}' is not a DOI; write it as 10.PREFIX/SUFFIX without spaces, for example 'doi: 10.12345/hiia.2026.7' (a https://doi.org/ address is accepted too).");
    public static readonly DiagnosticDescriptor BadTranslationOf = Error("HP0052", "Bad translation_of",
        "translation_of '{0}' {1}; give the slug of the same paper in the other language, the last part of its web address.");
    public static readonly DiagnosticDescriptor KeywordTopicCollision = Warning("HP0053", "Keywords make the same topic",
        "The keyword '{0}' makes the same topic page as '{1}' (topics/{2}/), so the paper is listed there once; keep one of the two spellings.");

    // Input limits and pre-scan refusals, images decoded, files beside the draft, empty derived values (issue 15).
    public static readonly DiagnosticDescriptor TooManyLines = Error("HP0060", "Too many lines",
        "The draft has {0:N0} lines, more than the limit of {1:N0}; join the lines of each paragraph (a blank line separates paragraphs).");
    public static readonly DiagnosticDescriptor WordTooLong = Error("HP0061", "Word too long",
        "More than {0:N0} characters follow one another here without a space; no page or screen can show that. Add spaces, or shorten the address.");
    public static readonly DiagnosticDescriptor OpenLinksTooCostly = Error("HP0062", "Too many unclosed links",
        "Links are opened with '](' and not closed with ')' in this paragraph and after: reading them would mean scanning {0:N0} characters (the limit is {1:N0}). Close each link with ')', or write '\\]' for a bracket that starts no link.");
    public static readonly DiagnosticDescriptor TooManyOpenBrackets = Error("HP0063", "Too many open brackets",
        "More than {0} '[' are open at once in this paragraph; close them with ']', or write '\\[' for a bracket that is only text.");
    public static readonly DiagnosticDescriptor Noncharacter = Error("HP0064", "Noncharacter in the text",
        "U+{0:X4} is a noncharacter: no font prints it and no web page may carry it (most editors show nothing here). Delete it.");
    public static readonly DiagnosticDescriptor TooManyFootnotes = Error("HP0065", "Too many footnotes",
        "The paper has {0:N0} footnotes, more than the limit of {1:N0}; merge notes, or move the references into a list at the end.");
    public static readonly DiagnosticDescriptor TableTooManyRows = Error("HP0066", "Table with too many rows",
        "The table has {0:N0} rows, more than the limit of {1:N0}; split it, or publish the data as a separate file.");
    public static readonly DiagnosticDescriptor TableTooManyColumns = Error("HP0067", "Table with too many columns",
        "The table has {0:N0} columns, more than the limit of {1:N0} that fit across a page; split it into tables of fewer columns.");
    public static readonly DiagnosticDescriptor ImageTooManyPixels = Error("HP0068", "Image too large in pixels",
        "The image '{0}' is {1:N0} × {2:N0} pixels, more than the limit of {3:N0} pixels; export it smaller (3,000 pixels on the long side print sharply on a full page).");
    public static readonly DiagnosticDescriptor ImagesTooManyPixels = Error("HP0069", "Images too large together",
        "The images of this paper have {0:N0} pixels together, more than the limit of {1:N0}, reached at '{2}'; export the images smaller.");
    public static readonly DiagnosticDescriptor ImageCorrupt = Error("HP0070", "Image damaged",
        "The image '{0}' is damaged at byte {1:N0}: {2}. Export it again as {3}.");
    public static readonly DiagnosticDescriptor NoVisibleText = Error("HP0071", "Field without visible text",
        "The field '{0}' holds only invisible characters (spaces, joiners, marks); write its text, or remove the field if it is optional.");
    public static readonly DiagnosticDescriptor AssetNotRegularFile = Error("HP0072", "Not a plain file beside the draft",
        "'{0}' {1}; only plain files inside the draft's folder are read. Copy the image itself into the folder.");
    public static readonly DiagnosticDescriptor ImageFileTooLarge = Error("HP0073", "Image file too large",
        "The image file '{0}' is {1:N0} bytes, more than the limit of {2:N0}; export it smaller or more compressed.");
    public static readonly DiagnosticDescriptor TooManyFootnoteReferences = Error("HP0074", "Too many footnote references",
        "Footnote marks '[^' (references and notes) appear {0:N0} times, more than the limit of {1:N0}; refer to each note once or twice, where it matters.");
    public static readonly DiagnosticDescriptor TooManyProblems = Warning("HP0075", "More problems not listed",
        "Only the first {0:N0} problems are listed, and {1:N0} more were found; correct these and check again.");
    public static readonly DiagnosticDescriptor TablesTooManyCells = Error("HP0076", "Tables too large together",
        "The tables have {0:N0} cells together, more than the limit of {1:N0}, passed at this table; shorten them, or publish the data as a separate file.");
    public static readonly DiagnosticDescriptor TooManyImageReferences = Error("HP0077", "Too many images",
        "The draft names images {0:N0} times, more than the limit of {1:N0}; keep the figures that matter.");
    public static readonly DiagnosticDescriptor ImageKindUnsupported = Error("HP0078", "Image of a kind that cannot be printed",
        "The image '{0}' is {1}, which the PDF cannot hold; export it again as {2}.");
    public static readonly DiagnosticDescriptor TooManyLongWords = Error("HP0079", "Too many over-long words",
        "Words of {0} characters or more hold {1:N0} characters together, more than the limit of {2:N0}, passed here; each must be broken across lines. Add spaces, or give long addresses as links with a short text.");
    public static readonly DiagnosticDescriptor RenderTooCostly = Error("HP0080", "Paper too costly to set as a PDF",
        "Setting this paper as a PDF would take about {0:N0} MB, more than the {1:N0} MB a render may use, passed at the image '{2}' ({3:N0} MB of it for the images, {4:N0} MB for the text and the typesetter itself); export the images smaller or, for PNGs, not interlaced (an interlaced PNG is put together whole while the paper is set; any other is read row by row, at little cost), or split the paper.");
    public static readonly DiagnosticDescriptor TextTooCostly = Error("HP0081", "Paper too costly to set as a PDF",
        "Setting this paper as a PDF would take about {0:N0} MB, more than the {1:N0} MB a render may use, for its text alone: {2:N0} table cells, {3:N0} footnotes and {4:N0} bytes of draft; shorten the tables (or publish their data as a separate file), merge footnotes, or split the paper.");

    // A correction says so (issue 15): HP0085–HP0089.
    public static readonly DiagnosticDescriptor BadCorrects = Error("HP0085", "Bad corrects",
        "corrects '{0}' {1}; give the slug of the published paper this draft corrects, the last part of its web address.");
    public static readonly DiagnosticDescriptor CorrectsAnotherSlug = Error("HP0086", "corrects names another slug",
        "corrects names '{0}', but this draft's slug is '{1}': a correction replaces the paper at its own address. Write 'slug: {0}' if this corrects '{0}', or remove 'corrects:' if it is a paper of its own.");

    // The red-team rerun of issue 15: shapes found past the bounds after the first round. HP0090–HP0099.
    public static readonly DiagnosticDescriptor ParagraphTooLong = Error("HP0090", "Paragraph too long",
        "This paragraph has {0:N0} characters, more than the limit of {1:N0}; no page carries a paragraph that long. Separate paragraphs with a blank line.");
    public static readonly DiagnosticDescriptor TooManyWords = Error("HP0091", "Too many words",
        "The text has {0:N0} words, more than the limit of {1:N0} (the limit is passed here); a Perspective has about 10,000. Shorten the paper, or publish the material as a separate document.");
    public static readonly DiagnosticDescriptor TooManyEmphasisDelimiters = Error("HP0092", "Too many emphasis marks",
        "The text has {0:N0} runs of '*' or '_', more than the limit of {1:N0} (the limit is passed here); each may start or end emphasis. Remove the stray ones, or write '\\*' and '\\_' for a star or underscore that is only text.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        FileTooLarge, InvalidUtf8, MissingFrontMatter, UnclosedFrontMatter, FrontMatterTooLarge, FileUnreadable,
        YamlSyntax, YamlAnchorOrAlias, YamlTag, YamlMergeKey, YamlTooDeep, DuplicateField,
        MissingField, EmptyField, WrongType, UnknownField, InvalidDate, UnknownLanguage, BadSlug, NoSlugFromTitle,
        AbstractNotOneParagraph, AbstractContent, CoverWithoutAlt, CoverCreditWithoutImage,
        RemoteImage, BadImagePath, UnsupportedImageType, MissingImage, ImageContentMismatch,
        EmptyBody, TitleHeadingInBody, SkippedHeadingLevel, HeadingTooDeep, NestedHeading, RawHtml, CodeBlock,
        ImageInText, FigureWithoutAlt, LinkScheme, NestingTooDeep,
        FootnoteUndefined, FootnoteUnused, FootnoteDuplicate, FootnoteInFootnote,
        InvalidNumber, InvalidDoi, BadTranslationOf, KeywordTopicCollision,

        TooManyLines, WordTooLong, OpenLinksTooCostly, TooManyOpenBrackets, Noncharacter, TooManyFootnotes, TableTooManyRows,
        TableTooManyColumns, ImageTooManyPixels, ImagesTooManyPixels, ImageCorrupt, NoVisibleText, AssetNotRegularFile, ImageFileTooLarge,
        TooManyFootnoteReferences, TooManyProblems, TablesTooManyCells, TooManyImageReferences, ImageKindUnsupported, TooManyLongWords,
        RenderTooCostly, TextTooCostly,
        BadCorrects, CorrectsAnotherSlug,
        ParagraphTooLong, TooManyWords, TooManyEmphasisDelimiters,
    ];
}
