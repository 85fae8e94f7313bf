using System.Diagnostics;
using HiiaPublish.Format;
using HiiaPublish.Pdf.Painting;
using HiiaPublish.Rendering;

namespace HiiaPublish.Benchmarks;

/// <summary>
/// Issue 16's sizes: `dotnet run -c Release -- --sizes` prints each paper's PDF as the painter writes it today and as
/// it is written once the XMP declares PDF/A-2 (packed into object streams), and the time packing takes.
/// </summary>
internal static class SizeReport
{
    public static void Run()
    {
        var drafts = new DraftRenderer(new PerspectiveParser(), new PerspectiveRenderer(BenchmarkInputs.Templates));
        var samples = Path.Combine(Path.GetDirectoryName(BenchmarkInputs.Templates)!, "samples");
        var target = Path.Combine(AppContext.BaseDirectory, "Inputs", "target-paper.md");
        var papers = Directory.GetFiles(samples, "*.md", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).Append(target);
        foreach (var file in papers)
        {
            var pdf = drafts.Render(BenchmarkInputs.Draft(file)).Pdf!;
            var declared = (byte[])pdf.Clone();
            var at = declared.AsSpan().IndexOf("<pdfaid:part>1<"u8);
            if (at >= 0) declared[at + "<pdfaid:part>".Length] = (byte)'2';
            var packed = ObjectStreamPacker.Pack(declared);
            for (var i = 0; i < 50; i++) ObjectStreamPacker.Pack(declared);
            var clock = Stopwatch.StartNew();
            const int runs = 200;
            for (var i = 0; i < runs; i++) ObjectStreamPacker.Pack(declared);
            Console.WriteLine($"{Path.GetFileName(file),-40} written {pdf.Length,8:N0} B   as PDF/A-2 (packed) {packed.Length,8:N0} B   packing {clock.Elapsed.TotalMilliseconds / runs:F2} ms");
        }
    }
}
