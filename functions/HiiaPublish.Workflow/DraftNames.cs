using System.Text.RegularExpressions;

namespace HiiaPublish.Workflow;

/// <summary>
/// What a slug, a revision id and a draft's file name may look like. Everything that becomes part of a blob
/// name passes here first, so no name can leave the draft's folder (row 16 of the reliability table).
/// </summary>
public static partial class DraftNames
{
    // Long enough for any title-derived slug the parser makes, short enough for a readable URL.
    public const int MaxSlugLength = 80;
    // Images live beside the draft or one folder down ("images/chart.png"); deeper trees are not needed.
    public const int MaxFileNameLength = 120;

    public static bool IsSlug(string? value) => value is { Length: > 0 and <= MaxSlugLength } && SlugPattern().IsMatch(value);

    public static bool IsRevision(string? value) => value is { Length: 64 } && RevisionPattern().IsMatch(value);

    /// <summary>Null when the name is fine, else a sentence saying what is wrong with it.</summary>
    public static string? FileNameProblem(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "A file has no name; give every part of the upload a file name such as 'cover.png'.";
        if (name.Length > MaxFileNameLength) return $"The file name is longer than {MaxFileNameLength} characters; shorten it.";
        if (!FileNamePattern().IsMatch(name))
            return $"'{Shown(name)}' is not an allowed file name: use letters, digits, '-', '_' and '.', at most one folder ('images/chart.png'), no '..' and no leading '/'.";
        return name.Split('/').Any(segment => segment.Trim('.').Length == 0)
            ? $"'{Shown(name)}' is not an allowed file name: a name cannot be only dots."
            : null;
    }

    /// <summary>A slug made from a file name ("Middle Corridor.md" → "middle-corridor"), or null.</summary>
    public static string? SlugFromFileName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/').Split('/')[^1]).ToLowerInvariant();
        var slug = NotSlugCharacters().Replace(stem, "-").Trim('-');
        return IsSlug(slug) ? slug : null;
    }

    /// <summary>A name safe to repeat in a message: control characters replaced, at most 60 characters.</summary>
    public static string Shown(string value)
    {
        var cleaned = new string(value.Take(60).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return value.Length > 60 ? cleaned + "…" : cleaned;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RevisionPattern();

    [GeneratedRegex(@"^(?:[A-Za-z0-9_][A-Za-z0-9._-]*/)?[A-Za-z0-9_][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotSlugCharacters();
}
