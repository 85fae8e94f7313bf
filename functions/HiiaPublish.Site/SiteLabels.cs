using HiiaPublish.Format;
using YamlDotNet.Serialization;

namespace HiiaPublish.Site;

/// <summary>The site's words in one language (templates/site/labels.yaml), looked up by key.</summary>
public sealed class SiteLabels
{
    private readonly IReadOnlyDictionary<string, string> _words;

    private SiteLabels(IReadOnlyDictionary<string, string> words) => _words = words;

    public IEnumerable<KeyValuePair<string, string>> All => _words.OrderBy(w => w.Key, StringComparer.Ordinal);

    /// <summary>The wording for <paramref name="key"/>; a missing key is our bug, so it throws.</summary>
    public string this[string key] =>
        _words.TryGetValue(key, out var words) ? words : throw new KeyNotFoundException($"labels.yaml has no '{key}'.");

    /// <summary>The wording with {placeholders} filled by data (never evaluated).</summary>
    public string Fill(string key, params (string Name, string Value)[] values) =>
        Format.Branding.BrandingLanguage.Fill(this[key], values);

    /// <summary>Reads both languages; the file is ours, so a broken one throws. Both must have the same keys.</summary>
    public static (SiteLabels English, SiteLabels Hungarian) Load(string templatesDirectory)
    {
        var path = Path.Combine(templatesDirectory, "site", "labels.yaml");
        var file = new DeserializerBuilder().Build().Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path} is empty.");
        if (!file.TryGetValue("en", out var english) || !file.TryGetValue("hu", out var hungarian))
            throw new InvalidDataException($"{path} needs an 'en' and a 'hu' section.");
        var mismatch = english.Keys.Except(hungarian.Keys).Concat(hungarian.Keys.Except(english.Keys)).ToArray();
        if (mismatch.Length > 0)
            throw new InvalidDataException($"{path}: these keys are not in both languages: {string.Join(", ", mismatch)}.");
        return (new SiteLabels(english), new SiteLabels(hungarian));
    }
}

/// <summary>Labels of both languages, chosen by a paper's language.</summary>
public sealed record SiteLabelSet(SiteLabels English, SiteLabels Hungarian)
{
    public SiteLabels For(PaperLanguage language) => language == PaperLanguage.Hungarian ? Hungarian : English;
    public SiteLabels For(string languageCode) => languageCode == "hu" ? Hungarian : English;
}
