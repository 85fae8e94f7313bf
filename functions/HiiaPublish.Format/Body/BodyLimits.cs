using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using MarkdigFootnote = Markdig.Extensions.Footnotes.Footnote;
using MarkdigTable = Markdig.Extensions.Tables.Table;
using MarkdigTableRow = Markdig.Extensions.Tables.TableRow;

namespace HiiaPublish.Format.Body;

/// <summary>
/// The counts that cost the typesetter far more than the parser (issue 15: 15,000 notes took 45 s, 30,000 rows 706 MB,
/// 3,000 columns 1 GB), checked on Markdig's document before anything is converted, so a flood is refused cheaply.
/// </summary>
internal static class BodyLimits
{
    /// <summary>False when a limit was passed (reported): the body is then not converted.</summary>
    public static bool Accepts(MarkdownDocument document, SourceLocator locate, PerspectiveParserOptions options, DiagnosticBag diagnostics)
    {
        var accepted = true;
        var notes = 0;
        foreach (var footnote in document.Descendants<FootnoteGroup>().SelectMany(group => group.OfType<MarkdigFootnote>()))
        {
            if (++notes != options.MaxFootnotes + 1) continue;
            diagnostics.Report(DiagnosticCatalog.TooManyFootnotes, locate.StartOfLine(footnote.Line),
                document.Descendants<FootnoteGroup>().Sum(group => group.Count), options.MaxFootnotes);
            accepted = false;
        }

        var cells = 0;
        var cellsReported = false;
        foreach (var table in document.Descendants<MarkdigTable>())
        {
            var at = locate.StartOfLine(table.Line);
            var rows = table.OfType<MarkdigTableRow>().Count();
            var columns = Math.Max(table.ColumnDefinitions.Count, table.OfType<MarkdigTableRow>().Select(row => row.Count).DefaultIfEmpty().Max());
            if (rows > options.MaxTableRows)
            {
                diagnostics.Report(DiagnosticCatalog.TableTooManyRows, at, rows, options.MaxTableRows);
                accepted = false;
            }
            if (columns > options.MaxTableColumns)
            {
                diagnostics.Report(DiagnosticCatalog.TableTooManyColumns, at, columns, options.MaxTableColumns);
                accepted = false;
            }
            cells += table.OfType<MarkdigTableRow>().Sum(row => row.Count);
            if (cells > options.MaxTableCells && !cellsReported)
            {
                cellsReported = true;
                diagnostics.Report(DiagnosticCatalog.TablesTooManyCells, at,
                    document.Descendants<MarkdigTable>().Sum(t => t.OfType<MarkdigTableRow>().Sum(row => row.Count)), options.MaxTableCells);
                accepted = false;
            }
        }
        return accepted;
    }
}
