using System.Reflection;
using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Format.Tests.Support;
using HiiaPublish.Rendering;
using HiiaPublish.Site.Publishing;

namespace HiiaPublish.Format.Tests.Format;

/// <summary>
/// The catalogues of all projects together (parser HP00xx–HP01xx, rendering HP02xx, publishing HP07xx, typesetter
/// TS00xx): no code in two of them, each in its own range, every descriptor in its catalogue's list. Each check is
/// also run once on a made-up input that must fail it.
/// </summary>
public class DiagnosticCatalogueTests
{
    [Fact]
    public void Codes_NeverCollide_AcrossOrWithinCatalogues()
    {
        Assert.Empty(CatalogueChecks.Collisions(Codes(AllCatalogues.Entries)));
    }

    [Fact]
    public void Collisions_AreFound_InMadeUpCatalogues()
    {
        var madeUp = new Dictionary<string, IReadOnlyList<string>>
        {
            ["Rendering"] = ["HP0201", "HP0202"],
            ["Other"] = ["HP0201", "HP0299", "HP0299"],
        };
        Assert.Equal(["HP0201 in Rendering, Other", "HP0299 in Other, Other"], CatalogueChecks.Collisions(madeUp));
    }

    [Theory]
    [InlineData("Format", "^HP0[01][0-9]{2}$")]
    [InlineData("Rendering", "^HP02[0-9]{2}$")]
    [InlineData("Site", "^HP07[0-9]{2}$")]
    [InlineData("Typesetting", "^TS00[0-9]{2}$")]
    public void EachCatalogue_KeepsToItsRange(string project, string range)
    {
        // A range per project keeps a new code from taking another project's number.
        Assert.All(AllCatalogues.Entries[project], entry => Assert.Matches(range, entry.Code));
    }

    [Fact]
    public void EveryRenderAndPublishMessage_EndsAsASentence()
    {
        Assert.All(RenderDiagnosticCatalog.All.Concat(PublicationDiagnosticCatalog.All), d => Assert.Matches(@"[.?}]$", d.MessageTemplate));
    }

    [Fact]
    public void EveryDescriptorOfTheProduct_IsInItsCatalogueList()
    {
        // A descriptor missing from its catalogue's All would escape every check here, in the guide and the fixtures.
        Type[] productTypes = [.. new[] { typeof(DiagnosticCatalog), typeof(RenderDiagnosticCatalog), typeof(PublicationDiagnosticCatalog) }
            .SelectMany(t => t.Assembly.GetTypes())];
        Assert.Empty(DescriptorsOutside(productTypes, AllCatalogues.Descriptors.Values.SelectMany(c => c)));
    }

    [Fact]
    public void ADescriptorLeftOutOfEveryCatalogue_IsFound()
    {
        Assert.Equal(["MadeUpCatalogue.Stray (HP0299)"],
            DescriptorsOutside([typeof(MadeUpCatalogue)], [MadeUpCatalogue.Listed]));
    }

    private static Dictionary<string, IReadOnlyList<string>> Codes(IReadOnlyDictionary<string, IReadOnlyList<CodeEntry>> catalogues) =>
        catalogues.ToDictionary(c => c.Key, c => (IReadOnlyList<string>)[.. c.Value.Select(e => e.Code)]);

    private static List<string> DescriptorsOutside(IEnumerable<Type> types, IEnumerable<DiagnosticDescriptor> listed)
    {
        var known = listed.ToHashSet(ReferenceEqualityComparer.Instance);
        return types
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor) && f.GetValue(null) is { } value && !known.Contains(value))
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name} ({((DiagnosticDescriptor)f.GetValue(null)!).Code})")
            .ToList();
    }

    private static class MadeUpCatalogue
    {
        public static readonly DiagnosticDescriptor Listed = new("HP0298", Severity.Error, "Listed", "Listed.");
        public static readonly DiagnosticDescriptor Stray = new("HP0299", Severity.Error, "Stray", "Stray.");
    }
}
