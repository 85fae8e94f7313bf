using System.Globalization;
using System.Text;
using HiiaPublish.Format.Branding;
using HiiaPublish.Format;

namespace HiiaPublish.Benchmarks;

/// <summary>The inputs every benchmark shares: the English sample and a synthetic 100-page paper.</summary>
internal static class BenchmarkInputs
{
    public static string Templates => TemplatesLocator.Find();

    public static string EnglishSample
    {
        get
        {
            // The build copies templates/ beside the program (bin/…/templates) but not samples/: look for the
            // repository's samples/ from the templates folder upwards, and from where the benchmark was started.
            var samples = new[] { Path.GetDirectoryName(Templates)!, Directory.GetCurrentDirectory() }
                .SelectMany(start => Ancestors(new DirectoryInfo(start)))
                .Select(dir => Path.Combine(dir.FullName, "samples"))
                .FirstOrDefault(Directory.Exists) ?? throw new DirectoryNotFoundException("No samples/ folder above the templates or the current folder.");
            return Directory.GetFiles(samples, "*.md", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                .First(f => !File.ReadAllText(f).Contains("language: hu", StringComparison.Ordinal));
        }
    }

    private static IEnumerable<DirectoryInfo> Ancestors(DirectoryInfo? dir)
    {
        for (; dir is not null; dir = dir.Parent) yield return dir;
    }

    public static DraftSource Draft(string file) =>
        new(Path.GetFileName(file), File.ReadAllBytes(file), new FolderDraftAssets(Path.GetDirectoryName(file)!));

    /// <summary>
    /// About 100 pages: 30 sections of 8 paragraphs of ~110 words, a note every other paragraph.
    /// Words come from a fixed list in a fixed order, so every run typesets the same text.
    /// </summary>
    public static DraftSource HundredPages()
    {
        string[] words = ["policy", "regional", "security", "the", "cooperation", "of", "institutions", "and", "energy",
            "governments", "negotiations", "with", "international", "markets", "infrastructure", "in", "development",
            "strategic", "a", "partnership", "economic", "stability", "transit", "corridor", "for", "agreements"];
        var text = new StringBuilder();
        text.Append("---\ntitle: A Synthetic Perspective for Benchmarks\ndate: 2026-04-21\nauthors: [Benchmark Author]\n");
        text.Append("abstract: A long, generated paper used only to measure the renderer.\n---\n\n");
        var note = 0;
        var w = 0;
        for (var section = 1; section <= 30; section++)
        {
            text.Append(CultureInfo.InvariantCulture, $"## Section {section} of the synthetic paper\n\n");
            for (var paragraph = 0; paragraph < 8; paragraph++)
            {
                for (var i = 0; i < 110; i++)
                {
                    text.Append(words[(w * 7 + i) % words.Length]).Append(i % 17 == 16 ? ". " : " ");
                    w++;
                }
                if (paragraph % 2 == 0)
                    text.Append(CultureInfo.InvariantCulture, $"cited.[^n{++note}]");
                text.Append("\n\n");
            }
        }
        for (var n = 1; n <= note; n++)
            text.Append(CultureInfo.InvariantCulture, $"[^n{n}]: Author {n}, “A Cited Work,” *Journal*, 2025, <https://www.example.org/works/{n}>.\n");
        return new DraftSource("synthetic.md", Encoding.UTF8.GetBytes(text.ToString()), new FolderDraftAssets(Path.GetTempPath()));
    }
}
