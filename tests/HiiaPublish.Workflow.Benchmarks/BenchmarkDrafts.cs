using System.Text;

namespace HiiaPublish.Workflow.Benchmarks;

/// <summary>The English sample with its two images, under a slug of the benchmark's choosing so every upload is a new draft.</summary>
public static class BenchmarkDrafts
{
    public static IReadOnlyList<(string Name, string Type, byte[] Bytes)> EnglishSample(string repositoryRoot, string slug)
    {
        var folder = Path.Combine(repositoryRoot, "samples", "middle-corridor");
        var markdown = File.ReadAllText(Path.Combine(folder, "middle-corridor.md"));
        const string original = "\nslug: middle-corridor\n";
        if (!markdown.Contains(original, StringComparison.Ordinal))
            throw new InvalidOperationException("The English sample no longer has 'slug: middle-corridor' in its front matter; update the benchmark.");
        return
        [
            ("middle-corridor.md", "text/markdown", Encoding.UTF8.GetBytes(markdown.Replace(original, $"\nslug: {slug}\n", StringComparison.Ordinal))),
            ("cover.png", "image/png", File.ReadAllBytes(Path.Combine(folder, "cover.png"))),
            ("corridor-volumes.png", "image/png", File.ReadAllBytes(Path.Combine(folder, "corridor-volumes.png"))),
        ];
    }

    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "HiiaPublish.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from inside the repository (HiiaPublish.sln not found).");
    }
}
