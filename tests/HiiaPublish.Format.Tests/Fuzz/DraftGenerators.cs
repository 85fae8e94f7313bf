using System.Text;
using CsCheck;

namespace HiiaPublish.Format.Tests.Fuzz;

/// <summary>
/// Generators for the property tests: valid drafts assembled from parts, and those drafts mutated
/// (bytes deleted, lines duplicated, characters inserted, hostile snippets injected).
/// </summary>
internal static class DraftGenerators
{
    private static readonly string[] Titles =
    [
        "The Test Paper", "From Sanctuary to \\\"Open War\\\"", "Árvíztűrő tükörfúrógép", "Pakistan's Choice -- Again", "2026 and After...",
    ];

    private static readonly string[] Authors =
    [
        "  - Anna Kovács", "  - name: Zsolt Trembeczki\n    role: Visiting Fellow", "  - name: Kiss Éva", "  - \"O'Brien, Seán\"",
    ];

    // Each optional field once at most, in one of its accepted forms ("" leaves it out).
    private static readonly Gen<string>[] OptionalFields =
    [
        Gen.OneOf("", "subtitle: A short history"),
        Gen.OneOf("", "copy_editors: [Péter Szabó]", "copy_editors: Kiss Éva"),
        Gen.OneOf("", "keywords: [Pakistan, Taliban]", "keywords: Diplomacy"),
        Gen.OneOf("", "series: HIIA Perspective"),
        Gen.OneOf("", "slug: a-fine-slug"),
        Gen.OneOf("", "cover:\n  alt: A mountain pass"),
    ];

    // Body blocks; {a} and {b} stand for footnote references, defined at the end when used.
    private static readonly string[] Blocks =
    [
        "## A section", "### A subsection", "Plain text with *emphasis*, **strong** and `code`.",
        "A claim[^a] and \"a quote\" -- with dashes --- and dots...", "Another claim[^b], see <https://example.org/x>.",
        "- one\n- two\n  - nested", "1. first\n2. second", "> A quotation.\n>\n> > Nested once.", "| A | B |\n|:--|--:|\n| *x* | y |",
        "---", "[A link](https://hiia.hu \"title\") and <info@hiia.hu>.", "It's the '90s, isn't it?", "Line one  \nline two.",
    ];

    public static readonly Gen<string> ValidDraft =
        Gen.Select(
            Gen.OneOf(Titles), Gen.Int[1, 28], Gen.OneOf("en", "hu"), Gen.OneOf(Authors).Array[1, 3],
            Gen.Select(OptionalFields[0], OptionalFields[1], OptionalFields[2], OptionalFields[3], OptionalFields[4], OptionalFields[5],
                (a, b, c, d, e, f) => new[] { a, b, c, d, e, f }), Gen.OneOf(Blocks).Array[1, 10],
            (title, day, language, authors, optional, blocks) =>
            {
                var text = new StringBuilder();
                text.Append("---\n");
                text.Append($"title: \"{title}\"\n");
                text.Append($"date: 2026-03-{day:00}\n");
                text.Append($"language: {language}\n");
                text.Append("authors:\n").Append(string.Join('\n', authors)).Append('\n');
                text.Append("abstract: A *short* abstract -- \"with\" typography.\n");
                foreach (var field in optional.Where(field => field.Length > 0)) text.Append(field).Append('\n');
                text.Append("---\n\n## Introduction\n\n"); // a ### block must never come first
                text.Append(string.Join("\n\n", blocks)).Append('\n');
                var body = text.ToString();
                if (body.Contains("[^a]", StringComparison.Ordinal)) text.Append("\n[^a]: Note A, *BBC*, <https://example.org/a>.\n");
                if (body.Contains("[^b]", StringComparison.Ordinal)) text.Append("\n[^b]: Note B.\n\n    Its second paragraph.\n");
                return text.ToString();
            });

    private static readonly string[] HostileSnippets =
    [
        "a: &a [\"x\",\"x\",\"x\"]\nb: &b [*a,*a,*a]\nc: [*b,*b,*b]\n", "x: !!python/object:os.system ls\n", "<<: *a\n",
        "title: !<tag:clr:System.IO.File> x\n", string.Concat(Enumerable.Repeat(">", 600)) + " deep\n",
        string.Concat(Enumerable.Repeat("- ", 300)) + "deep\n", string.Concat(Enumerable.Repeat("[^x]", 200)), "[^x]: a\n[^x]: b\n",
        "\0\0\0", string.Concat(Enumerable.Repeat("[", 3000)), string.Concat(Enumerable.Repeat("*", 3000)) + "a" + string.Concat(Enumerable.Repeat("*", 3000)),
        new string('a', 100_000), "keywords: " + string.Concat(Enumerable.Repeat("[", 2000)) + "\n", "\n---\n", "\n...\n",
        "<script>alert(1)</script>", "![x](http://169.254.169.254/a.png)", "[x](javascript:alert(1))", "\n```\ncode\n```\n",
        "# Title\n", "#### Deep\n", "\r\n\r", "\u2028\u0085", "title:\n  - a\n  - b\n", "date: 2026-02-30\n", "![](../x.png)",
        "| a |\n|---|\n" + string.Concat(Enumerable.Repeat("| x ", 500)) + "\n", string.Concat(Enumerable.Repeat("`", 1000)),
        string.Concat(Enumerable.Repeat("<a>", 500)), string.Concat(Enumerable.Repeat("[a](", 1000)),
    ];

    private static readonly byte[][] HostileBytes = [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0xF8, 0x88, 0x80, 0x80, 0x80]];

    private static readonly char[] Alphabet = "*_[]()!<>#-|^:&\"'`\\~=.+ \n\t\r{}%@?aéő0".ToCharArray();

    private abstract record Mutation
    {
        public abstract byte[] Apply(byte[] bytes);
    }

    private sealed record Delete(double At, int Length) : Mutation
    {
        public override byte[] Apply(byte[] bytes)
        {
            var start = Position(At, bytes.Length);
            return [.. bytes[..start], .. bytes[Math.Min(bytes.Length, start + Length)..]];
        }
    }

    private sealed record Insert(double At, byte[] Content) : Mutation
    {
        public override byte[] Apply(byte[] bytes)
        {
            var at = Position(At, bytes.Length);
            return [.. bytes[..at], .. Content, .. bytes[at..]];
        }
    }

    private sealed record DuplicateLine(double At) : Mutation
    {
        public override byte[] Apply(byte[] bytes)
        {
            var at = Position(At, bytes.Length);
            var start = Array.LastIndexOf(bytes, (byte)'\n', Math.Max(at - 1, 0)) + 1;
            var end = Array.IndexOf(bytes, (byte)'\n', at);
            end = end < 0 ? bytes.Length : end + 1;
            return [.. bytes[..end], .. bytes[start..end], .. bytes[end..]];
        }
    }

    private static int Position(double at, int length) => Math.Clamp((int)(at * length), 0, length);

    private static readonly Gen<Mutation> AnyMutation = Gen.Frequency(
        (3, Gen.Select(Gen.Double[0, 1], Gen.Int[1, 40], (at, length) => (Mutation)new Delete(at, length))),
        (3, Gen.Select(Gen.Double[0, 1], Gen.OneOf(Alphabet).Array[1, 8], (at, chars) => (Mutation)new Insert(at, Encoding.UTF8.GetBytes(chars)))),
        (2, Gen.Double[0, 1].Select(at => (Mutation)new DuplicateLine(at))),
        (2, Gen.Select(Gen.Double[0, 1], Gen.OneOf(HostileSnippets), (at, snippet) => (Mutation)new Insert(at, Encoding.UTF8.GetBytes(snippet)))),
        (1, Gen.Select(Gen.Double[0, 1], Gen.OneOf(HostileBytes), (at, raw) => (Mutation)new Insert(at, raw))));

    public static readonly Gen<byte[]> MutatedDraft =
        Gen.Select(ValidDraft, AnyMutation.Array[1, 6], (draft, mutations) =>
            mutations.Aggregate(Encoding.UTF8.GetBytes(draft), (bytes, mutation) => mutation.Apply(bytes)));
}
