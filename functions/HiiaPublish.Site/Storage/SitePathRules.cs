namespace HiiaPublish.Site.Storage;

/// <summary>The one shape of object path both stores accept: relative, '/'-separated, no empty, "." or ".." segment.</summary>
public static class SitePathRules
{
    public static bool IsValid(string path) =>
        !string.IsNullOrEmpty(path)
        && path.Length <= 1024 // Azure's limit for a blob name; folders accept it too.
        && !path.Contains('\\') && !path.Contains('\0')
        && path.Split('/').All(segment => segment.Length > 0 && segment is not "." and not "..");

    /// <summary>Paths are made by our own code from validated slugs, so a bad one is a bug: it throws.</summary>
    public static string Require(string path) =>
        IsValid(path) ? path : throw new ArgumentException($"'{path}' is not a valid site path (relative, '/'-separated, no '..').", nameof(path));
}
