using Markdig;
using Markdig.Syntax;

namespace HiiaPublish.Format.Body;

/// <summary>
/// The one Markdig pipeline of a parser, built once and immutable, and the only place Markdig parses.
/// Markdig's own nesting limit throws; that is caught here and becomes a diagnostic upstream.
/// </summary>
internal sealed class MarkdownReader
{
    private readonly MarkdownPipeline _pipeline;

    public MarkdownReader(int maxNestingDepth)
    {
        var builder = new MarkdownPipelineBuilder()
            .UseFootnotes()
            .UsePipeTables()
            .UseAutoLinks()
            .UsePreciseSourceLocation();
        // Markdig counts every container (a list and its item are two) and inline nesting too, so four
        // times our limit lets our own check, which names the line, fire first on anything nested just
        // past it. The floor is Markdig's default; the ceiling keeps Markdig's recursion far from the stack's end.
        builder.MaximumNestingDepth = Math.Clamp(maxNestingDepth * 4, 128, 1024);
        _pipeline = builder.Build();
    }

    /// <summary>The document, or null when Markdig refused it for nesting deeper than its limit.</summary>
    public MarkdownDocument? TryParse(string markdown)
    {
        try
        {
            return Markdown.Parse(markdown, _pipeline);
        }
        catch (ArgumentException exception) when (exception.Message.Contains("depth limit", StringComparison.Ordinal))
        {
            return null;
        }
    }
}
