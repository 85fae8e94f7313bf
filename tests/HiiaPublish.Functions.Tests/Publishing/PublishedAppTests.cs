using System.Reflection;
using HiiaPublish.Functions.Tests.Support;
using UglyToad.PdfPig;

namespace HiiaPublish.Functions.Tests.Publishing;

/// <summary>The deployable folder: what `dotnet publish` of the Functions app holds, and that its render path works from it.</summary>
[Collection(PublishedAppCollection.Name)]
public class PublishedAppTests(PublishedAppFixture published)
{
    [Fact]
    public void PublishFolder_HoldsHostJson_Templates_Fonts_AndHyphenationPatterns()
    {
        string In(params string[] parts) => Path.Combine([published.Folder, .. parts]);

        Assert.True(File.Exists(In("host.json")), "host.json is missing");
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.RepositoryRoot, "host.json")), File.ReadAllText(In("host.json")));
        Assert.True(File.Exists(In("HiiaPublish.Functions.dll")));
        Assert.True(File.Exists(In("templates", "branding.yaml")), "templates/branding.yaml is missing");
        foreach (var template in new[] { "cover.scriban", "imprint.scriban", "back-cover.scriban" })
            Assert.True(File.Exists(In("templates", "pdf", template)), $"templates/pdf/{template} is missing");
        foreach (var template in new[] { "layout.html", "landing.html", "listing.html", "site.css", "404.html" })
            Assert.True(File.Exists(In("templates", "site", template)), $"templates/site/{template} is missing");
        var fonts = Directory.GetFiles(In("templates", "fonts"), "*.ttf").Select(Path.GetFileName).ToArray();
        Assert.Contains("NotoSerif-Regular.ttf", fonts);
        Assert.Contains("NotoSans-Bold.ttf", fonts);
        Assert.Equal(8, fonts.Length);
        Assert.True(File.Exists(In("templates", "hyphenation", "hyph_en_US.dic")));
        Assert.True(File.Exists(In("templates", "hyphenation", "hyph_hu_HU.dic")));
        // Local settings hold secrets on a developer machine and must never ship.
        Assert.False(File.Exists(In("local.settings.json")));
    }

    [Fact]
    public void PublishedApp_RunsServerGc_WithFixedHeaps()
    {
        // The render throughput measured in docs/performance.md (two renders at once ≥ 1.7× one) holds with this
        // collector only; the worker reads it from its runtimeconfig.json when the host starts it.
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Folder, "HiiaPublish.Functions.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
    }

    [Fact]
    public void PublishedRenderPath_RunFromThePublishFolder_TypesetsTheEnglishSampleIntoAValidPdf()
    {
        var context = new PublishedAppLoadContext(Path.Combine(published.Folder, "HiiaPublish.Functions.dll"));
        try
        {
            Assembly Load(string name) => context.LoadFromAssemblyName(new AssemblyName(name));
            var format = Load("HiiaPublish.Format");
            var rendering = Load("HiiaPublish.Rendering");
            var workflow = Load("HiiaPublish.Workflow");
            foreach (var assembly in new[] { format, rendering, workflow })
                Assert.Equal(Path.GetFullPath(published.Folder), Path.GetDirectoryName(assembly.Location));
            var sample = Drafts.EnglishSample();

            // The calls AddHiiaPublish and the render handler make, on the published assemblies and templates.
            dynamic files = Create(workflow, "HiiaPublish.Workflow.DraftFiles", sample.SourceFile, sample.Source, sample.Assets.ToList());
            dynamic source = Create(format, "HiiaPublish.Format.DraftSource", sample.SourceFile, sample.Source, files);
            dynamic parser = Create(format, "HiiaPublish.Format.PerspectiveParser", [null]);
            dynamic parsed = parser.Parse(source);
            Assert.False((bool)parsed.HasErrors);
            dynamic renderer = Create(rendering, "HiiaPublish.Rendering.PerspectiveRenderer", Path.Combine(published.Folder, "templates"));
            dynamic result = renderer.Render(parsed.Perspective, files, sample.SourceFile, CancellationToken.None);
            Assert.False((bool)result.HasErrors);
            byte[] pdf = result.Pdf;

            using var document = PdfDocument.Open(pdf);
            Assert.Equal((int)result.PageCount, document.NumberOfPages);
            Assert.True(document.NumberOfPages >= 4, $"only {document.NumberOfPages} pages");
            Assert.Contains("Middle Corridor", string.Concat(document.GetPage(1).Letters.Select(l => l.Value)));
        }
        finally
        {
            context.Unload();
        }
    }

    private static object Create(Assembly assembly, string typeName, params object?[] arguments) =>
        Activator.CreateInstance(assembly.GetType(typeName, throwOnError: true)!, arguments)!;
}
