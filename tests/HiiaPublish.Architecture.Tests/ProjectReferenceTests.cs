using System.Xml.Linq;

namespace HiiaPublish.Architecture.Tests;

/// <summary>
/// The layering rule of docs/architecture: an inner project never references an outer one.
/// Read from the project files themselves, so a stray reference fails here before it spreads.
/// </summary>
public class ProjectReferenceTests
{
    // Innermost first. A project may reference only projects of a lower rank.
    private static readonly string[] Layers =
    [
        "HiiaPublish.Typesetting|HiiaPublish.Format|HiiaPublish.Templating",
        "HiiaPublish.Pdf",
        "HiiaPublish.Rendering|HiiaPublish.Site",
        "HiiaPublish.Workflow",
        "HiiaPublish.Azure",
        "HiiaPublish.Functions|HiiaPublish.Cli",
    ];

    // Within the ranks, the cut of docs/architecture.md: each project names every project it may reference.
    // A reference to anything else, even an inner project, is a new dependency to argue for first.
    private static readonly Dictionary<string, string[]> MayReference = new()
    {
        ["HiiaPublish.Typesetting"] = [],
        ["HiiaPublish.Format"] = [],
        ["HiiaPublish.Templating"] = [],
        ["HiiaPublish.Pdf"] = ["HiiaPublish.Typesetting"],
        ["HiiaPublish.Rendering"] = ["HiiaPublish.Format", "HiiaPublish.Typesetting", "HiiaPublish.Pdf", "HiiaPublish.Templating"],
        ["HiiaPublish.Site"] = ["HiiaPublish.Format", "HiiaPublish.Templating", "HiiaPublish.Typesetting"],
        ["HiiaPublish.Workflow"] = ["HiiaPublish.Format", "HiiaPublish.Rendering", "HiiaPublish.Site"],
        ["HiiaPublish.Azure"] = ["HiiaPublish.Workflow"],
        ["HiiaPublish.Functions"] = ["HiiaPublish.Azure"],
        ["HiiaPublish.Cli"] = ["HiiaPublish.Azure", "HiiaPublish.Rendering", "HiiaPublish.Site"],
    };

    // Packages a project must not take, so that what it promises stays true: `hiia check` and the site load no
    // PDF library, the format no template engine, the template context nothing but Scriban, and nothing below the
    // Azure edge talks to Azure.
    private static readonly Dictionary<string, string[]> MustNotUsePackages = new()
    {
        ["HiiaPublish.Format"] = ["PDFsharp", "Scriban", "Azure.", "Microsoft.Azure."],
        ["HiiaPublish.Site"] = ["PDFsharp", "Azure.", "Microsoft.Azure."],
        ["HiiaPublish.Rendering"] = ["Azure.", "Microsoft.Azure."],
        ["HiiaPublish.Workflow"] = ["PDFsharp", "Scriban", "Azure.", "Microsoft.Azure."],
        ["HiiaPublish.Pdf"] = ["Scriban", "Markdig", "YamlDotNet", "Azure.", "Microsoft.Azure."],
        ["HiiaPublish.Templating"] = ["PDFsharp", "Markdig", "YamlDotNet", "Azure.", "Microsoft.Azure."],
    };

    private static int RankOf(string project) =>
        Array.FindIndex(Layers, layer => layer.Split('|').Contains(project));

    public static TheoryData<string> ProductProjects()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "functions"), "*.csproj", SearchOption.AllDirectories))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ProductProjects))]
    public void Project_ReferencesOnlyInnerProjects(string project)
    {
        var rank = RankOf(project);
        Assert.True(rank >= 0, $"{project} is not placed in a layer; add it to {nameof(Layers)}.");

        foreach (var reference in ReferencesOf(project))
        {
            var referenceRank = RankOf(reference);
            Assert.True(referenceRank >= 0, $"{project} references {reference}, which is in no layer.");
            Assert.True(referenceRank < rank, $"{project} must not reference {reference}: it is not an inner project.");
        }
    }

    [Theory]
    [MemberData(nameof(ProductProjects))]
    public void Project_ReferencesOnlyTheProjectsItsStageNeeds(string project)
    {
        Assert.True(MayReference.TryGetValue(project, out var allowed), $"{project} has no entry in {nameof(MayReference)}; say which projects it may use.");
        var stray = ReferencesOf(project).Except(allowed!).ToList();
        Assert.True(stray.Count == 0, $"{project} must not reference {string.Join(", ", stray)} (docs/architecture.md: it may use {string.Join(", ", allowed!)}).");
    }

    [Theory]
    [MemberData(nameof(ProductProjects))]
    public void Project_TakesNoPackageItsStageMustNotUse(string project)
    {
        var forbidden = MustNotUsePackages.GetValueOrDefault(project, []);
        var taken = ForbiddenAmong(PackagesOf(project), forbidden);
        Assert.True(taken.Count == 0, $"{project} must not use {string.Join(", ", taken)}.");
    }

    [Fact]
    public void Typesetting_ReferencesNoPackages()
    {
        var project = XDocument.Load(ProjectFile("HiiaPublish.Typesetting"));
        Assert.Empty(project.Descendants("PackageReference"));
    }

    [Fact]
    public void Templating_TakesScribanAndNothingElse()
    {
        // Rendering and Site both reach it, so whatever it takes, both carry: it stays the template engine alone.
        Assert.Equal(["Scriban.Signed"], PackagesOf("HiiaPublish.Templating"));
    }

    [Fact]
    public void RuleCatchesAnOuterReference()
    {
        // The rules themselves must be able to fail: Format referencing Cli is an outward reference, Site
        // referencing Pdf a sideways one, Format taking Scriban or PDFsharp a forbidden package, and Templating taking
        // Markdig or PDFsharp (or referencing Format) one too.
        Assert.False(RankOf("HiiaPublish.Cli") < RankOf("HiiaPublish.Format"));
        Assert.DoesNotContain("HiiaPublish.Pdf", MayReference["HiiaPublish.Site"]);
        Assert.Equal(["Scriban.Signed", "PDFsharp"], ForbiddenAmong(["Markdig", "Scriban.Signed", "PDFsharp"], MustNotUsePackages["HiiaPublish.Format"]));
        Assert.Equal(["Markdig", "PDFsharp"], ForbiddenAmong(["Markdig", "Scriban.Signed", "PDFsharp"], MustNotUsePackages["HiiaPublish.Templating"]));
        Assert.DoesNotContain("HiiaPublish.Format", MayReference["HiiaPublish.Templating"]);
    }

    private static List<string> ForbiddenAmong(IEnumerable<string> packages, string[] forbidden) =>
        packages.Where(package => forbidden.Any(prefix => package.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))).ToList();

    private static IEnumerable<string> PackagesOf(string project) =>
        XDocument.Load(ProjectFile(project)).Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value);

    private static IEnumerable<string> ReferencesOf(string project) =>
        XDocument.Load(ProjectFile(project))
            .Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')));

    private static string ProjectFile(string project) =>
        Path.Combine(RepositoryRoot(), "functions", project, project + ".csproj");

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HiiaPublish.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("HiiaPublish.sln not found above the test folder.");
    }
}
