using System.Text;
using CsCheck;
using HiiaPublish.Format;

namespace HiiaPublish.Rendering.Tests.Images;

/// <summary>
/// Drafts the check accepts stay within what its estimate (HP0080) counts for their pictures: a render's allocation
/// beyond that of the same paper without pictures is at most a small multiple of the estimate's share for them (it
/// counts memory held at once; a render allocates more over its course), for pictures of every kind and size. A picture
/// decoded whole would cost far more (a PNG of noise holds at most 6 bytes of file a pixel, a 1-bit one an eighth of a
/// byte, against 20 or more decoded). Allocation is counted, not time.
/// </summary>
public class RenderAllocationTests
{
    private static readonly Lazy<DraftRenderer> Drafts = new(() => new DraftRenderer(new PerspectiveParser(), new PerspectiveRenderer(RepositoryPaths.Templates)));

    private static readonly string Text = string.Concat(Enumerable.Repeat(
        "The corridor carries cargo across the Caspian Sea, and its ports have grown faster than its ships.\n\n", 12));

    /// <summary>(colour type, bit depth, interlaced)</summary>
    private static readonly (byte Type, byte Depth, bool Interlaced)[] Kinds =
    [
        (2, 8, false), (0, 16, false), (3, 4, false), (0, 1, false),
        (6, 8, false), (4, 8, false), (6, 16, false), (2, 8, true), (3, 8, true), (0, 8, true), (6, 16, true), (0, 2, true),
    ];

    [Fact]
    public void APapersPictures_AllocateNoMoreThanTheEstimateCountsForThem()
    {
        // Warm first (fonts, templates and code loaded once are not the pictures' cost), then the paper without them.
        Allocated(Draft([]), MemoryDraftAssets.None);
        var withoutPictures = Allocated(Draft([]), MemoryDraftAssets.None).Bytes;

        Gen.Select(Gen.Int[0, Kinds.Length - 1], Gen.Int[16, 900], Gen.Int[16, 900], Gen.Int[1, 2], Gen.Int).Sample((kind, width, height, count, seed) =>
        {
            var (type, depth, interlaced) = Kinds[kind];
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
            // The estimate counts memory held at once: twice the file, half a byte a pixel for the rows streamed, and
            // for an interlaced PNG its raw samples put together (a quarter more). Allocated over a whole render it is
            // more: the file is joined, the rows' output grows in its buffer and is copied out, written into the PDF's
            // growing buffer, packed into object streams and copied out again, each a copy of bytes near the file's
            // size (noise compresses to about what it was): 10.3 times the file measured for noise RGBA split into
            // colour and mask, so twelve; the rows' part at most four times what the estimate holds. Decoding a picture
            // whole, as PDFsharp did, allocated some 60 bytes a pixel, far past that.
            var estimate = files.Values.Sum(png => 12L * png.Length + 4 * (long)Math.Ceiling(HeldBytesPerPixel(type, depth, interlaced) * width * height));
            // A few hundred KB for each picture's placement, tags and figure caption whatever its size.
            var slack = 512L * 1024 * count;
            Assert.True(bytes - withoutPictures <= estimate + slack,
                $"{count} × {width} × {height} (type {type}, {depth} bits{(interlaced ? ", interlaced" : "")}) allocated {bytes - withoutPictures:N0} bytes beyond the text, the estimate counts {estimate:N0}");
        }, iter: 24, threads: 1);
    }

    /// <summary>What the check's estimate holds for a pixel of this kind (RenderCostEstimate, ImageReading.HeldBytesPerPixel).</summary>
    private static double HeldBytesPerPixel(byte type, byte depth, bool interlaced)
    {
        var channels = type switch { 2 => 3, 4 => 2, 6 => 4, _ => 1 };
        return 0.5 + (interlaced ? 1.25 * channels * depth / 8.0 : 0);
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
