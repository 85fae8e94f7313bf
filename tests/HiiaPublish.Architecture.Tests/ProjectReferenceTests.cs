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
        "HiiaPublish.Typesetting",
        "HiiaPublish.Pdf",
        "HiiaPublish.Core",
        "HiiaPublish.Azure",
        "HiiaPublish.Functions|HiiaPublish.Cli",
    ];

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

    [Fact]
    public void Typesetting_ReferencesNoPackages()
    {
        var project = XDocument.Load(ProjectFile("HiiaPublish.Typesetting"));
        Assert.Empty(project.Descendants("PackageReference"));
    }

    [Fact]
    public void RuleCatchesAnOuterReference()
    {
        // The rule itself must be able to fail: Core referencing Cli is an outward reference.
        Assert.False(RankOf("HiiaPublish.Cli") < RankOf("HiiaPublish.Core"));
    }

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
