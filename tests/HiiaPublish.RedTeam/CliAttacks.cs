using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using HiiaPublish.Testing;

namespace HiiaPublish.RedTeam;

/// <summary>One row of the table: what was tried, what must happen, what did.</summary>
public sealed record Finding(string Class, string Attack, string Expected, string Observed, bool Pass);

/// <summary>The attacks on `hiia check`, `render` and `publish`, each in a folder of its own under <paramref name="work"/>.</summary>
public sealed class CliAttacks(string hiia, string work, Action<Finding> report)
{
    // Issue 15's bounds on our two-core machine. Time is CPU time (user + system): on a machine that four people share,
    // the wall clock measures their work too (both are printed).
    public const double CheckSeconds = 2, CheckMb = 256, RenderSeconds = 10, RenderMb = 512;
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private string Folder(string name)
    {
        var folder = Path.Combine(work, Regex.Replace(name, "[^A-Za-z0-9]+", "-").Trim('-').ToLowerInvariant());
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private string Write(string name, string markdown, params (string File, byte[] Bytes)[] beside)
    {
        var folder = Folder(name);
        var draft = Path.Combine(folder, "draft.md");
        File.WriteAllBytes(draft, Hostile.Encode(markdown));
        foreach (var (file, bytes) in beside) File.WriteAllBytes(Path.Combine(folder, file), bytes);
        return draft;
    }

    private Task<Measured> Hiia(string folder, params string[] arguments) => Measured.RunAsync(hiia, arguments, folder, Hang);

    private static bool WithinCheck(Measured m) => m.CpuSeconds <= CheckSeconds && m.PeakMb <= CheckMb;
    private static bool WithinRender(Measured m) => m.CpuSeconds <= RenderSeconds && m.PeakMb <= RenderMb;

    /// <summary>`check` refuses the draft with one of <paramref name="codes"/>, within the check's bounds.</summary>
    private async Task<Measured> ExpectRefusedAsync(string @class, string attack, string draft, params string[] codes)
    {
        var m = await Hiia(Path.GetDirectoryName(draft)!, "check", draft);
        report(new Finding(@class, attack, $"refused {string.Join("/", codes)}, ≤ 2 s, ≤ 256 MB", m.Summary,
            !m.Crashed && m.ExitCode == 1 && codes.Any(m.Names) && WithinCheck(m)));
        return m;
    }

    /// <summary>
    /// `check` answers within its bounds (accepting or refusing, never crashing); when it accepts, `render` finishes
    /// within the render's bounds and writes a PDF.
    /// </summary>
    private async Task ExpectBoundedAsync(string @class, string attack, string draft, bool render = true)
    {
        var folder = Path.GetDirectoryName(draft)!;
        var check = await Hiia(folder, "check", draft);
        report(new Finding(@class, attack + " — check", "accepted or refused, no crash, ≤ 2 s, ≤ 256 MB", check.Summary,
            !check.Crashed && check.ExitCode is 0 or 1 && WithinCheck(check) && (check.ExitCode == 0 || check.Codes.Count > 0)));
        if (!render || check.ExitCode != 0) return;
        var pdf = Path.Combine(folder, "out.pdf");
        var rendered = await Hiia(folder, "render", draft, "-o", pdf);
        report(new Finding(@class, attack + " — render", "PDF written, ≤ 10 s, ≤ 512 MB", rendered.Summary,
            !rendered.Crashed && rendered.ExitCode == 0 && File.Exists(pdf) && WithinRender(rendered)));
    }

    public async Task MarkdownShapesAsync()
    {
        // Issue 15: a few hundred KB of unclosed links took ~53 s to check; each shape now goes to the size limit.
        foreach (var (name, body) in Hostile.MarkdownShapes(Hostile.NearLimit, paragraphs: false))
            await ExpectBoundedAsync("Markdown shapes", $"2 MB of {name}, one paragraph", Write(name, body));
        foreach (var (name, body) in Hostile.MarkdownShapes(Hostile.NearLimit, paragraphs: true))
            await ExpectBoundedAsync("Markdown shapes", $"2 MB of {name}, in paragraphs of 1 KB", Write(name + " paragraphs", body));
        foreach (var (name, unit, codes) in new[]
                 {
                     ("100 KB of `[a](`", "[a](", new[] { "HP0061", "HP0062" }),
                     ("100 KB of `[a](b(`", "[a](b(", new[] { "HP0061", "HP0062" }),
                     ("100 KB of `[a](b (c`", "[a](b (c ", new[] { "HP0062" }),
                     ("2 MB of `[a][`", "[a][", new[] { "HP0061", "HP0063" }),
                 })
            await ExpectRefusedAsync("Markdown shapes", name + " (the issue's own)", Write(name, Hostile.Repeat("Known", unit, name.StartsWith("100", StringComparison.Ordinal) ? 100_000 : Hostile.NearLimit)), codes);
    }

    public async Task FloodsAsync()
    {
        await ExpectRefusedAsync("Floods", "15,000 footnotes", Write("notes-15000", Hostile.Footnotes(15_000)), "HP0065", "HP0074", "HP0060");
        await ExpectBoundedAsync("Floods", "1,000 footnotes (at the limit)", Write("notes-1000", Hostile.Footnotes(1_000)));
        await ExpectRefusedAsync("Floods", "table of 3,000 columns", Write("columns-3000", Hostile.Table(2, 3_000)), "HP0067", "HP0061");
        await ExpectRefusedAsync("Floods", "table of 30,000 rows", Write("rows-30000", Hostile.Table(30_000, 2)), "HP0066");
        await ExpectBoundedAsync("Floods", "table of 990 rows × 12 columns (at the limits)", Write("rows-990", Hostile.Table(990, 12)));
        await ExpectRefusedAsync("Floods", "one word of 1 MB", Write("word-1mb", Hostile.Word(1_000_000)), "HP0061");
        await ExpectBoundedAsync("Floods", "200 words of 999 characters (at the limit)",
            Write("words-999", Hostile.FrontMatter("Words") + string.Join(" ", Enumerable.Repeat(new string('w', 999), 200))));
        await ExpectRefusedAsync("Floods", "600 images named in the text", Write("images-600",
            Hostile.FrontMatter("Images") + string.Concat(Enumerable.Range(0, 600).Select(i => $"![f{i}](f.png \"f\")\n\n")), ("f.png", TestImages.Png())), "HP0077");
    }

    public async Task PicturesAsync()
    {
        var cases = new (string Name, byte[] Bytes, string File, string[] Codes)[]
        {
            ("PNG claiming 100,000 × 100,000 (header only)", TestImages.PngHeaderOnly(100_000, 100_000), "f.png", ["HP0068", "HP0070"]),
            ("valid PNG of 20,000 × 20,000", Hostile.PngClaiming(20_000, 20_000), "f.png", ["HP0068", "HP0073"]),
            ("valid PNG of 8,000 × 8,000", Hostile.PngClaiming(8_000, 8_000), "f.png", ["HP0068"]),
            ("PNG cut at half its length", Hostile.PngTruncated(), "f.png", ["HP0070"]),
            ("PNG with noise for pixels", Hostile.PngWithNoiseForPixels(), "f.png", ["HP0070"]),
            ("PNG with a wrong CRC", Hostile.PngWithBadCrc(), "f.png", ["HP0070"]),
            ("PNG inflating to 10× its header (zip bomb)", Hostile.PngInflatingPastItsHeader(), "f.png", ["HP0070"]),
            ("JPEG: real frame header, garbage data", Hostile.JpegWithGarbageData(), "f.jpg", ["HP0070"]),
            ("JPEG: real frame header, garbage data, no end marker", Hostile.JpegWithGarbageData(keepEndMarker: false), "f.jpg", ["HP0070"]),
            ("JPEG cut after its scan header", Hostile.JpegCutAfterScanHeader(), "f.jpg", ["HP0070"]),
            ("JPEG frame claiming 65,000 × 65,000", Hostile.JpegClaimingHuge(), "f.jpg", ["HP0068", "HP0070"]),
            ("text file named .png", Encoding.UTF8.GetBytes("not a picture at all"), "f.png", ["HP0027", "HP0070", "HP0078"]),
            ("JPEG named .png", TestImages.Jpeg(64, 64), "f.png", ["HP0027", "HP0070", "HP0078"]),
            ("empty picture file", [], "f.png", ["HP0072", "HP0070"]),
        };
        foreach (var (name, bytes, file, codes) in cases)
        {
            var figure = await ExpectRefusedAsync("Pictures", name + " as a figure", Write(name, Hostile.WithFigure("Figure", file), (file, bytes)), codes);
            // The refusal must say where: the picture's file, and for a damaged one the byte.
            if (figure.ExitCode == 1 && !figure.Stderr.Contains(file, StringComparison.Ordinal) && !figure.Stdout.Contains(file, StringComparison.Ordinal))
                report(new Finding("Pictures", name + ": the message names the file", "names " + file, "does not", false));
        }
        await ExpectRefusedAsync("Pictures", "JPEG with garbage data as the cover", Write("cover-garbage-jpeg",
            Hostile.FrontMatter("Cover", "cover:\n  image: cover.jpg\n  alt: A cover.") + "Text.\n", ("cover.jpg", Hostile.JpegWithGarbageData())), "HP0070");
        await ExpectBoundedAsync("Pictures", "PNG of 4,096 × 4,096 (at the limit)", Write("png-4096",
            Hostile.WithFigure("Figure", "f.png"), ("f.png", Hostile.PngClaiming(4_096, 4_096))));
    }

    public async Task UnicodeAsync()
    {
        // Every category in every field, all in one folder: one `check` of the folder, which must not crash, and must
        // answer each draft within the check's bounds (the whole folder in a minute).
        var folder = Folder("unicode-every-field");
        var categories = Hostile.EveryCategory();
        var drafts = 0;
        for (var c = 0; c < categories.Count; c++)
            foreach (var (field, draft) in Hostile.InEveryField(categories[c].Text, c))
            {
                var name = $"u{c:00}-{Regex.Replace(field, "[^a-z]+", "-")}";
                Directory.CreateDirectory(Path.Combine(folder, name));
                File.WriteAllBytes(Path.Combine(folder, name, "draft.md"), Hostile.Encode(draft));
                File.WriteAllBytes(Path.Combine(folder, name, "cover.png"), TestImages.Png());
                drafts++;
            }
        var all = await Hiia(folder, "check", folder);
        report(new Finding("Unicode", $"{categories.Count} kinds of character × 17 fields ({drafts} drafts), one `check FOLDER`",
            "no crash, every problem a diagnostic", all.Summary, !all.Crashed && all.ExitCode is 0 or 1));

        // Each kind, in the title of a draft of its own: a fresh process each, so one crash cannot hide another.
        var crashes = new List<string>();
        foreach (var (name, text) in categories)
        {
            var draft = Write("unicode-title-" + name, Hostile.InEveryField(text, 0)[0].Draft);
            var m = await Hiia(Path.GetDirectoryName(draft)!, "check", draft);
            if (m.Crashed || !WithinCheck(m)) crashes.Add($"{name}: {m.Summary}");
        }
        report(new Finding("Unicode", $"each of {categories.Count} kinds in a title, a process each", "no crash, within 2 s / 256 MB",
            crashes.Count == 0 ? "all answered" : string.Join("; ", crashes), crashes.Count == 0));

        await ExpectRefusedAsync("Unicode", "U+FFFE in the title", Write("fffe-title", Hostile.FrontMatter("Foo\uFFFEBar")), "HP0064");
        await ExpectRefusedAsync("Unicode", "U+FFFE in the slug", Write("fffe-slug", Hostile.FrontMatter("Foo", "slug: \"a\uFFFEb\"")), "HP0064", "HP0701", "HP0020", "HP0021");
        await ExpectRefusedAsync("Unicode", "a keyword of only U+FFFE", Write("fffe-keyword", Hostile.FrontMatter("Foo", "keywords: [\"\uFFFE\"]")), "HP0064");
        await ExpectRefusedAsync("Unicode", "a lone surrogate (CESU bytes) in the title", Write("surrogate-title", Hostile.FrontMatter("Foo\uD800Bar")), "HP0002");
        await ExpectRefusedAsync("Unicode", "a title of only zero-width characters", Write("zw-only-title", Hostile.FrontMatter("\u200B\u200C\u200D\u2060")), "HP0071", "HP0019");
        await ExpectRefusedAsync("Unicode", "a title of only combining marks", Write("marks-only-title", Hostile.FrontMatter("\u0301\u0302")), "HP0071", "HP0019");

        // What becomes of the title in the web address: publish drafts whose titles carry invisible characters.
        var site = Path.Combine(Folder("unicode-slugs"), "site");
        var papers = Folder("unicode-slug-papers");
        var titles = new Dictionary<string, string>
        {
            ["zero-width-space"] = "Zero\u200BWidth Space", ["zero-width-joiner"] = "Joiner\u200DWord Here", ["soft-hyphen"] = "Soft\u00ADHyphen Title",
            ["word-joiner"] = "Word\u2060Joiner Title", ["bom"] = "Byte\uFEFFOrder Title", ["rtl-override"] = "Right\u202ELeft Title",
            ["combining"] = "Cafe\u0301 Combining", ["ideographic-space"] = "Wide\u3000Space Title",
        };
        foreach (var (name, title) in titles)
        {
            Directory.CreateDirectory(Path.Combine(papers, name));
            File.WriteAllBytes(Path.Combine(papers, name, name + ".md"), Hostile.Encode(Hostile.FrontMatter(title) + "A paper.\n"));
        }
        var published = await Measured.RunAsync(hiia, ["publish", papers, "--site", site], papers, TimeSpan.FromMinutes(5));
        var slugs = Directory.Exists(Path.Combine(site, "perspectives"))
            ? Directory.GetDirectories(Path.Combine(site, "perspectives")).SelectMany(Directory.GetDirectories).Select(Path.GetFileName).ToList()
            : [];
        var bad = slugs.Where(s => !Regex.IsMatch(s!, "^[a-z0-9]+(-[a-z0-9]+)*$")).ToList();
        report(new Finding("Unicode", $"{titles.Count} titles with invisible or joining characters, published", "every slug a-z0-9 and single hyphens, none lost",
            $"{published.Summary}; slugs: {string.Join(", ", slugs.Order())}", !published.Crashed && slugs.Count == titles.Count && bad.Count == 0));
        report(new Finding("Unicode", "a zero-width space inside a title word", "slug `zerowidth-space` (not `zero-width-space`)",
            slugs.Contains("zerowidth-space") ? "zerowidth-space" : string.Join(", ", slugs.Where(s => s!.Contains("width", StringComparison.Ordinal))),
            slugs.Contains("zerowidth-space")));
    }

    public async Task FileSystemAsync()
    {
        var outside = Path.Combine(work, "outside.png");
        File.WriteAllBytes(outside, TestImages.Png(40, 30));

        var draft = Write("symlink-out", Hostile.FrontMatter("Cover", "cover:\n  image: cover.png\n  alt: A cover."));
        File.CreateSymbolicLink(Path.Combine(Path.GetDirectoryName(draft)!, "cover.png"), outside);
        await ExpectRefusedAsync("File system", "cover.png a symlink to a PNG outside the folder", draft, "HP0072");

        draft = Write("symlink-dev-zero", Hostile.WithFigure("Zero", "f.png"));
        File.CreateSymbolicLink(Path.Combine(Path.GetDirectoryName(draft)!, "f.png"), "/dev/zero");
        await ExpectRefusedAsync("File system", "figure a symlink to /dev/zero", draft, "HP0072");

        draft = Write("fifo", Hostile.WithFigure("Fifo", "f.png"));
        MakeFifo(Path.Combine(Path.GetDirectoryName(draft)!, "f.png"));
        await ExpectRefusedAsync("File system", "figure a FIFO nobody writes to", draft, "HP0072");

        // The draft itself a FIFO, and a link to /dev/zero: `check FILE` must not hang or fill memory either.
        var folder = Folder("draft-fifo");
        MakeFifo(Path.Combine(folder, "draft.md"));
        var m = await Hiia(folder, "check", Path.Combine(folder, "draft.md"));
        report(new Finding("File system", "the draft itself a FIFO", "refused, no hang", m.Summary, !m.Crashed && m.ExitCode is 1 or 2 && WithinCheck(m)));
        folder = Folder("draft-dev-zero");
        File.CreateSymbolicLink(Path.Combine(folder, "draft.md"), "/dev/zero");
        m = await Hiia(folder, "check", Path.Combine(folder, "draft.md"));
        report(new Finding("File system", "the draft itself a symlink to /dev/zero", "refused, ≤ 256 MB", m.Summary, !m.Crashed && m.ExitCode is 1 or 2 && WithinCheck(m)));

        // A folder with a directory symlink loop and a draft inside: `check FOLDER` finishes and checks the draft.
        folder = Folder("loop");
        Directory.CreateDirectory(Path.Combine(folder, "a"));
        File.WriteAllText(Path.Combine(folder, "a", "paper.md"), Hostile.FrontMatter("Loop") + "Text.\n");
        Directory.CreateSymbolicLink(Path.Combine(folder, "a", "back"), folder);
        Directory.CreateSymbolicLink(Path.Combine(folder, "self"), ".");
        m = await Hiia(folder, "check", folder);
        report(new Finding("File system", "`check FOLDER` with directory symlink loops", "finishes, no hang", m.Summary, !m.Crashed && m.ExitCode is 0 or 1 && WithinCheck(m)));

        // --site DIR holding symlinks: nothing is written through them.
        var victimFolder = Path.Combine(work, "victim-folder");
        Directory.CreateDirectory(victimFolder);
        var victimFile = Path.Combine(work, "victim.html");
        File.WriteAllText(victimFile, "untouched");
        var site = Folder("site-with-links");
        Directory.CreateSymbolicLink(Path.Combine(site, "perspectives"), victimFolder);
        File.CreateSymbolicLink(Path.Combine(site, "index.html"), victimFile);
        folder = Folder("site-links-paper");
        File.WriteAllText(Path.Combine(folder, "paper.md"), Hostile.FrontMatter("Linked Site") + "Text.\n");
        m = await Measured.RunAsync(hiia, ["publish", Path.Combine(folder, "paper.md"), "--site", site], folder, TimeSpan.FromMinutes(2));
        var written = Directory.EnumerateFileSystemEntries(victimFolder, "*", SearchOption.AllDirectories).Count();
        report(new Finding("File system", "`--site DIR` with a directory and a file symlinked out of it", "nothing written through them, a clear error",
            $"{m.Summary}; {written} entries written outside, victim.html {(File.ReadAllText(victimFile) == "untouched" ? "untouched" : "OVERWRITTEN")}",
            !m.Crashed && written == 0 && File.ReadAllText(victimFile) == "untouched" && m.ExitCode != 0));
    }

    public async Task SilentReplacementAsync()
    {
        var folder = Folder("three-titles");
        var site = Path.Combine(work, "three-titles-site");
        if (Directory.Exists(site)) Directory.Delete(site, true);
        var drafts = new[] { ("foo-1", "Foo Bar", "Anna Kovács"), ("foo-2", "Foo-Bar!", "Béla Nagy"), ("foo-3", "Főő Bár", "Csilla Tóth") };
        foreach (var (file, title, author) in drafts)
            File.WriteAllText(Path.Combine(folder, file + ".md"), Hostile.FrontMatter(title).Replace("Anna Kovács", author, StringComparison.Ordinal) + "Text.\n");
        var m = await Measured.RunAsync(hiia, ["publish", folder, "--site", site], folder, TimeSpan.FromMinutes(3));
        var names = drafts.Count(d => (m.Stderr + m.Stdout).Contains(d.Item1, StringComparison.Ordinal));
        var listed = File.Exists(Path.Combine(site, "perspectives.json")) ? Regex.Matches(File.ReadAllText(Path.Combine(site, "perspectives.json")), "\"slug\"").Count : 0;
        report(new Finding("Silent replacement", "\"Foo Bar\", \"Foo-Bar!\", \"Főő Bár\" (other authors) in one `publish FOLDER`",
            "exit 1, an error naming the colliding drafts, no paper replaced", $"{m.Summary}; {names} of 3 drafts named; {listed} papers listed",
            !m.Crashed && m.ExitCode == 1 && names >= 2 && listed <= 1 && (m.Names("HP0720") || m.Names("HP0723") || m.Names("HP0087"))));
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
    }
}
