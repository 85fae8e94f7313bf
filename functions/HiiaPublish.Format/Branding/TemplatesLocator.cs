namespace HiiaPublish.Format.Branding;

/// <summary>
/// Finds the templates folder: $HIIA_TEMPLATES when set; else `templates/` beside the running program
/// (published apps and the CLI copy it there); else the repository's `templates/` above the working folder.
/// </summary>
public static class TemplatesLocator
{
    public const string EnvironmentVariable = "HIIA_TEMPLATES";

    public static string Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return Directory.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new DirectoryNotFoundException($"{EnvironmentVariable} names '{fromEnvironment}', which is not a folder.");

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "templates");
                if (File.Exists(Path.Combine(candidate, "branding.yaml")))
                    return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No templates folder with branding.yaml was found beside the program or above '{Directory.GetCurrentDirectory()}'. Set {EnvironmentVariable}.");
    }
}
