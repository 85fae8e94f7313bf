using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace HiiaPublish.Workflow.Benchmarks;

/// <summary>
/// Issue 15's "the upload answers within 1 s for any accepted draft": drafts of every shape the parser accepts at its
/// limits (PerspectiveParserOptions), each just inside them and inside the 2 MB upload, so every one is answered 202.
/// Each call makes a new draft (its slug is in it), so no upload finds the work of an earlier one done.
/// </summary>
public static class UploadShapes
{
    public delegate IReadOnlyList<(string Name, string Type, byte[] Bytes)> Shape(string slug);

    public static IReadOnlyList<(string Name, Shape Make)> All(string repositoryRoot) =>
    [
        ("English sample with its two images", slug => BenchmarkDrafts.EnglishSample(repositoryRoot, slug)),
        ("2 MB of prose with links and emphasis", slug => Markdown(slug, Prose(2 * 1024 * 1024 - 4_000))),
        ("49,900 lines (limit 50,000)", slug => Markdown(slug, Lines(49_900 - 12))),
        ("1,000 footnotes, 3,900 references (limits 1,000 and 5,000 marks)", slug => Markdown(slug, Footnotes(1_000, 3_900))),
        ("table of 997 rows × 12 columns, 11,988 cells as counted (limits 1,000 rows, 12,000 cells)", slug => Markdown(slug, Table(997, 12))),
        ("199,800 characters in 999-character words (limit 200,000)", slug => Markdown(slug, LongWords(200, 999))),
        ("two PNG figures of 4,096 × 4,096 (limits 16.8 and 33.6 megapixels)", slug => TwoLargeFigures(slug)),
    ];

    private static string FrontMatter(string slug) => $"""
        ---
        title: Upload Shape {slug}
        date: 2026-04-21
        authors:
          - Anna Kovács
        abstract: A draft at one of the parser's limits, uploaded to time the answer.
        slug: {slug}
        ---


        """;

    private static IReadOnlyList<(string, string, byte[])> Markdown(string slug, string body) =>
        [($"{slug}.md", "text/markdown", Encoding.UTF8.GetBytes(FrontMatter(slug) + body))];

    private static readonly string[] Words =
        "the border crossing trade agreement ministers signed regional security policy energy corridor pipeline Kabul Islamabad relations friction sanctuary economy".Split(' ');

    private static string Prose(int bytes)
    {
        var random = new Random(15);
        var text = new StringBuilder(bytes + 1_000);
        for (var paragraph = 1; text.Length < bytes; paragraph++)
        {
            if (paragraph % 20 == 1) { text.Append($"## Section {paragraph / 20 + 1}\n\n"); continue; }
            for (var sentence = 0; sentence < 6; sentence++)
            {
                var count = random.Next(8, 19);
                for (var w = 0; w < count; w++)
                {
                    var word = Words[random.Next(Words.Length)];
                    text.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
                    if (sentence == 2 && w == 3) text.Append($" [{word}](https://example.org/{word}/{paragraph})");
                    if (sentence == 4 && w == 1) text.Append(" *\"quoted\"*");
                    text.Append(w == count - 1 ? ". " : " ");
                }
            }
            text.Append("\n\n");
        }
        return text.ToString();
    }

    // Paragraphs of two lines and a blank line: the line count is what is at its limit.
    private static string Lines(int lines)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines; i++) text.Append(i % 3 == 2 ? "\n" : $"Line {i} of a short paragraph.\n");
        return text.ToString();
    }

    private static string Footnotes(int notes, int references)
    {
        var text = new StringBuilder("## Notes everywhere\n\n");
        for (var i = 0; i < references; i++) text.Append($"A claim that needs a source.[^n{i % notes}]{(i % 8 == 7 ? "\n\n" : " ")}");
        text.Append("\n\n");
        for (var i = 0; i < notes; i++) text.Append($"[^n{i}]: Source number {i}, with its page.\n");
        return text.ToString();
    }

    private static string Table(int rows, int columns)
    {
        var text = new StringBuilder("## Data\n\n");
        text.Append('|').AppendJoin('|', Enumerable.Range(1, columns).Select(c => $" Column {c} ")).Append("|\n");
        text.Append('|').AppendJoin('|', Enumerable.Repeat("---", columns)).Append("|\n");
        for (var r = 0; r < rows; r++)
            text.Append('|').AppendJoin('|', Enumerable.Range(1, columns).Select(c => $" {r * columns + c} ")).Append("|\n");
        return text.ToString();
    }

    private static string LongWords(int count, int length)
    {
        var text = new StringBuilder("## Addresses\n\n");
        for (var i = 0; i < count; i++) text.Append('x', length - 4).Append($"{i:0000}").Append(i % 10 == 9 ? "\n\n" : " ");
        return text.ToString();
    }

    private static IReadOnlyList<(string, string, byte[])> TwoLargeFigures(string slug)
    {
        var body = "## Maps\n\n![The first large map](map-1.png)\n\n![The second large map](map-2.png)\n\nText after the maps.\n";
        return [.. Markdown(slug, body), ("map-1.png", "image/png", Png(4096, 4096, 40)), ("map-2.png", "image/png", Png(4096, 4096, 200))];
    }

    /// <summary>An RGB PNG of one grey with a darker diagonal, so it compresses to a few hundred KB but is no trivial image.</summary>
    public static byte[] Png(int width, int height, byte grey)
    {
        var raw = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3);
            raw.AsSpan(row + 1, width * 3).Fill(grey);
            var x = y * width / height;
            raw.AsSpan(row + 1 + x * 3, 3).Fill((byte)(grey / 2));
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(raw);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; header[9] = 2; // 8 bits, RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
