using System.Globalization;
using System.Net;
using System.Text;

namespace HiiaPublish.Benchmarks;

/// <summary>
/// Paper pages for the search benchmarks, marked up as a paper page is (<c>data-pagefind-body</c>, page language):
/// half English and half Hungarian, each ~1,500 words drawn from a 30,000-word made-up vocabulary per language with a
/// skewed frequency (a few words everywhere, most rare, as in real text). The same seed gives the same site.
/// </summary>
internal sealed class SyntheticPapers
{
    public const int WordsPerPaper = 1500;
    private readonly Random _random = new(42);

    public string[] English { get; } = Vocabulary(new Random(13), ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "st", "tr"], ["a", "e", "i", "o", "u", "ea", "io"]);

    public string[] Hungarian { get; } = Vocabulary(new Random(17), ["b", "d", "f", "g", "gy", "h", "k", "l", "m", "n", "ny", "r", "s", "sz", "t", "v", "zs"],
        ["a", "á", "e", "é", "i", "í", "o", "ó", "ö", "ő", "u", "ú", "ü", "ű"]);

    /// <summary>Writes paper <paramref name="i"/> at <paramref name="sitePath"/> (e.g. perspectives/2025/paper-0001/index.html); odd ones are Hungarian.</summary>
    public void Write(string folder, string sitePath, int i)
    {
        var hungarian = i % 2 == 1;
        var vocabulary = hungarian ? Hungarian : English;
        var title = string.Join(' ', Enumerable.Range(0, 6).Select(_ => Draw(vocabulary)));
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"{(hungarian ? "hu-HU" : "en-US")}\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)} — HIIA</title></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"paper\" data-pagefind-body data-pagefind-meta=\"image:\"><h1>{WebUtility.HtmlEncode(title)}</h1>");
        for (var written = 0; written < WordsPerPaper;)
        {
            html.Append("<p>");
            for (var w = 0; w < 120 && written < WordsPerPaper; w++, written++)
                html.Append(Draw(vocabulary)).Append(w % 17 == 16 ? ". " : " ");
            html.Append("</p>");
        }
        html.Append("</article></body></html>");
        var path = Path.Combine(folder, sitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, html.ToString());
    }

    private string Draw(string[] vocabulary) => vocabulary[(int)(vocabulary.Length * Math.Pow(_random.NextDouble(), 3))];

    // 30,000 made-up words of two to four syllables, in a fixed order; early words are drawn far more often.
    private static string[] Vocabulary(Random random, string[] consonants, string[] vowels)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < 30_000)
        {
            var word = new StringBuilder();
            for (var s = random.Next(2, 5); s > 0; s--)
                word.Append(consonants[random.Next(consonants.Length)]).Append(vowels[random.Next(vowels.Length)]);
            if (random.Next(3) == 0) word.Append(consonants[random.Next(consonants.Length)]);
            words.Add(word.ToString());
        }
        return [.. words];
    }
}
