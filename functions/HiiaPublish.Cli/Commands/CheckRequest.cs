namespace HiiaPublish.Cli.Commands;

/// <summary>What `hiia check` was asked to do, read from its arguments.</summary>
internal sealed record CheckRequest(IReadOnlyList<string> Paths, bool Json, bool ShowHelp)
{
    /// <summary>The request, or null with the reason when the arguments are wrong.</summary>
    public static CheckRequest? Parse(string[] args, string workingDirectory, out string? usageError)
    {
        usageError = null;
        var paths = new List<string>();
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help") return new CheckRequest(paths, json, ShowHelp: true);
            if (arg == "--format" || arg.StartsWith("--format=", StringComparison.Ordinal))
            {
                var value = arg == "--format" ? (i + 1 < args.Length ? args[++i] : null) : arg["--format=".Length..];
                switch (value)
                {
                    case "json": json = true; break;
                    case "text": json = false; break;
                    default:
                        usageError = value is null ? "--format needs a value: text or json." : $"unknown format '{value}'; use text or json.";
                        return null;
                }
            }
            else if (arg == "--") paths.AddRange(args[(i + 1)..]);
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                usageError = $"unknown option '{arg}'.";
                return null;
            }
            else paths.Add(arg);
            if (arg == "--") break;
        }

        if (paths.Count == 0)
        {
            usageError = "give at least one draft file or folder to check.";
            return null;
        }
        var missing = paths.FirstOrDefault(path =>
            Path.GetFullPath(path, workingDirectory) is var full && !File.Exists(full) && !Directory.Exists(full));
        if (missing is not null)
        {
            usageError = $"'{missing}' does not exist (no such file or folder).";
            return null;
        }
        return new CheckRequest(paths, json, ShowHelp: false);
    }
}
