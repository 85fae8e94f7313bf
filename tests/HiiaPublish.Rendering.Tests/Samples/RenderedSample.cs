using HiiaPublish.Format;
using HiiaPublish.Rendering;

namespace HiiaPublish.Rendering.Tests.Samples;

/// <summary>A sample perspective, parsed and rendered once per test run, shared by the tests that read it back.</summary>
public sealed class RenderedSample
{
    private static readonly Lazy<PerspectiveRenderer> SharedRenderer = new(() => new PerspectiveRenderer(RepositoryPaths.Templates));
    private static readonly Dictionary<string, RenderedSample> Cache = [];
    private static readonly Lock CacheLock = new();

    private RenderedSample(string name, Perspective perspective, RenderResult result, string source)
    {
        Name = name;
        Perspective = perspective;
        Result = result;
        Source = source;
    }

    public string Name { get; }
    public Perspective Perspective { get; }
    public RenderResult Result { get; }
    public string Source { get; }
    public byte[] Pdf => Result.Pdf ?? throw new InvalidOperationException($"{Name} did not render: {string.Join("; ", Result.Diagnostics)}");

    public static PerspectiveRenderer Renderer => SharedRenderer.Value;

    public static RenderedSample Get(string name)
    {
        lock (CacheLock)
        {
            if (Cache.TryGetValue(name, out var cached))
                return cached;
            var file = SampleFile(name);
            var folder = Path.GetDirectoryName(file)!;
            var assets = new FolderDraftAssets(folder);
            var source = File.ReadAllText(file);
            var parsed = new PerspectiveParser().Parse(new DraftSource(Path.GetFileName(file), File.ReadAllBytes(file), assets));
            Assert.False(parsed.HasErrors, string.Join(Environment.NewLine, parsed.Diagnostics));
            var result = Renderer.Render(parsed.Perspective!, assets, Path.GetFileName(file));
            var sample = new RenderedSample(name, parsed.Perspective!, result, source);
            Cache[name] = sample;
            return sample;
        }
    }

    public static string SampleFile(string name) => Path.Combine(RepositoryPaths.Samples, name, name + ".md");

    /// <summary>The sample folders: one English, one Hungarian (checked by language, not by name).</summary>
    public static IEnumerable<string> Names =>
        Directory.GetDirectories(RepositoryPaths.Samples).Select(Path.GetFileName).Where(n => File.Exists(SampleFile(n!))).Order()!;
}
