using System.Text;
using CsCheck;
using HiiaPublish.Format;

namespace HiiaPublish.Rendering.Tests.Images;

/// <summary>
/// Drafts the check accepts stay within what its estimate (HP0080) counts for their pictures: a render's allocation
/// beyond that of the same paper without pictures is at most a small multiple of the estimate's share for them (it
/// counts memory held at once; a render allocates more over its course), for pictures of every kind and size. A picture the
/// estimate counts as passed through but that was decoded would cost far more (a PNG of noise holds at most 6 bytes
/// of file a pixel, a 1-bit one an eighth of a byte, against 20 or more decoded). Allocation is counted, not time.
/// </summary>
public class RenderAllocationTests
{
    private static readonly Lazy<DraftRenderer> Drafts = new(() => new DraftRenderer(new PerspectiveParser(), new PerspectiveRenderer(RepositoryPaths.Templates)));

    private static readonly string Text = string.Concat(Enumerable.Repeat(
        "The corridor carries cargo across the Caspian Sea, and its ports have grown faster than its ships.\n\n", 12));

    /// <summary>(colour type, bit depth, interlaced, passes through as it is)</summary>
    private static readonly (byte Type, byte Depth, bool Interlaced, bool Passes)[] Kinds =
    [
        (2, 8, false, true), (0, 16, false, true), (3, 4, false, true), (0, 1, false, true),
        (6, 8, false, false), (4, 8, false, false), (2, 8, true, false), (3, 8, true, false),
    ];

    [Fact]
    public void APapersPictures_AllocateNoMoreThanTheEstimateCountsForThem()
    {
        // Warm first (fonts, templates and code loaded once are not the pictures' cost), then the paper without them.
        Allocated(Draft([]), MemoryDraftAssets.None);
        var withoutPictures = Allocated(Draft([]), MemoryDraftAssets.None).Bytes;

        Gen.Select(Gen.Int[0, Kinds.Length - 1], Gen.Int[16, 900], Gen.Int[16, 900], Gen.Int[1, 2], Gen.Int).Sample((kind, width, height, count, seed) =>
        {
            var (type, depth, interlaced, passes) = Kinds[kind];
            // Pixels from a fresh seed each time: the painter's cache must not have seen the picture (a first render).
            var files = Enumerable.Range(0, count).ToDictionary(i => $"figure-{i}.png", i => TestImages.PngVariant(width, height, type, depth, interlaced, seed: seed + i));
            var (result, bytes) = Allocated(Draft(files.Keys), new MemoryDraftAssets(files));

            // Random pixels hardly compress: a large one can pass the file size limit, and is then refused, not rendered.
            if (result.HasErrors)
            {
                Assert.All(result.Diagnostics, d => Assert.Equal("HP0073", d.Code));
                return;
            }
            Assert.NotNull(result.Pdf);
            // The estimate counts memory held at once (20 bytes a decoded pixel, twice a file passed through). Allocated
            // over a whole render it is more: a decoded picture passes through the decoder's and the writer's buffers
            // (62 bytes a pixel measured for an interlaced RGB PNG through PDFsharp, so at most four times its
            // estimate); a file passed through is joined, written into the PDF's growing
            // buffer, packed into object streams and copied out, each a copy of its bytes (7.3 times the file measured
            // for incompressible 16-bit grey, so at most eight). Both stay far below decoding a picture counted as
            // passed through: some 60 bytes a pixel against eight times at most 6 bytes of file a pixel.
            var estimate = files.Values.Sum(png => passes ? 8L * png.Length : 4 * 20L * width * height);
            // A few hundred KB for each picture's placement, tags and figure caption whatever its size.
            var slack = 512L * 1024 * count;
            Assert.True(bytes - withoutPictures <= estimate + slack,
                $"{count} × {width} × {height} (type {type}, {depth} bits{(interlaced ? ", interlaced" : "")}) allocated {bytes - withoutPictures:N0} bytes beyond the text, the estimate counts {estimate:N0}");
        }, iter: 24, threads: 1);
    }

    private static string Draft(IEnumerable<string> figures) =>
        "---\ntitle: A Paper With Pictures\ndate: 2026-04-21\nauthors: [Anna Kovács]\nabstract: Short.\n---\n\n## One\n\n"
        + string.Concat(figures.Select(name => $"![A test picture]({name})\n\n")) + Text;

    private static (DraftRenderResult Result, long Bytes) Allocated(string draft, IDraftAssets assets)
    {
        var source = new DraftSource("paper.md", Encoding.UTF8.GetBytes(draft), assets);
        // This thread's allocation only: a render runs on its caller's thread, and other tests run beside this one.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Drafts.Value.Render(source);
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
