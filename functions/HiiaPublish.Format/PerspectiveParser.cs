using System.Text;
using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Format.Body;
using HiiaPublish.Format.FrontMatter;
using HiiaPublish.Format.Images;
using HiiaPublish.Format.Reading;

namespace HiiaPublish.Format;

/// <summary>
/// Reads one draft (Markdown with YAML front matter) into a <see cref="Perspective"/>. Built once and
/// shared: the Markdig pipeline inside is immutable. Never throws on user input: every problem is a
/// diagnostic, all of them reported together.
/// </summary>
public sealed class PerspectiveParser
{
    private readonly MarkdownReader _markdown;

    public PerspectiveParser(PerspectiveParserOptions? options = null)
    {
        Options = options ?? new PerspectiveParserOptions();
        _markdown = new MarkdownReader(Options.MaxNestingDepth);
    }

    public PerspectiveParserOptions Options { get; }

    public ParseResult Parse(DraftSource source)
    {
        var diagnostics = new DiagnosticBag(source.FilePath, Options.MaxDiagnostics);
        var perspective = Read(source, diagnostics);
        return new ParseResult(diagnostics.HasErrors ? null : perspective, diagnostics.ToSortedList());
    }

    private Perspective? Read(DraftSource source, DiagnosticBag diagnostics)
    {
        var text = DraftDecoder.Decode(source.Content, Options.MaxFileBytes, diagnostics);
        if (text is null) return null;

        var sourceText = new SourceText(text);
        var images = new ImageChecker(source.Assets, diagnostics, Options);
        var frontMatter = FrontMatterSplitter.Split(sourceText, diagnostics, out var state);
        // Never closed: everything after the opening line is front matter gone wrong; reading it as
        // body would only bury the one real problem under noise.
        if (state == FrontMatterState.Unclosed) return null;
        // Before YAML or Markdig: the shapes whose cost grows faster than their size are refused here.
        if (!CostPrescan.Accepts(sourceText, frontMatter?.BodyStart ?? 0, Options, diagnostics)) return null;

        var metadata = frontMatter is null ? new MetadataResult(null, PaperLanguage.English) : ReadMetadata(sourceText, frontMatter, images, diagnostics);
        var body = BodyReader.Read(_markdown, sourceText, frontMatter?.BodyStart ?? 0, metadata.Language, images,
            Options, diagnostics);
        RenderCostEstimate.Check(source.Content.Length, body.Blocks, body.Footnotes, images.Costs, Options, diagnostics);
        return metadata.Metadata is null ? null : new Perspective(metadata.Metadata, body.Blocks, body.Footnotes);
    }

    private MetadataResult ReadMetadata(SourceText source, FrontMatterSection section, ImageChecker images, DiagnosticBag diagnostics)
    {
        var noMetadata = new MetadataResult(null, PaperLanguage.English);
        var bytes = Encoding.UTF8.GetByteCount(source.Text.AsSpan(section.YamlStart, section.YamlEnd - section.YamlStart));
        if (bytes > Options.MaxFrontMatterBytes)
        {
            diagnostics.Report(DiagnosticCatalog.FrontMatterTooLarge, source.PositionOf(section.YamlStart), bytes, Options.MaxFrontMatterBytes);
            return noMetadata;
        }

        var root = YamlTreeReader.Read(source, section.YamlStart, section.YamlEnd, diagnostics);
        if (root is null) return noMetadata;
        var read = new MetadataReader(source, diagnostics, images, _markdown, Options).Read(root);
        if (read.Metadata is { } metadata) VisibleTextCheck.Check(metadata, source, section.YamlStart, section.YamlEnd, diagnostics);
        return read;
    }
}
