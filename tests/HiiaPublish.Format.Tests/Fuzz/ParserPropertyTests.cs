using System.Text;
using CsCheck;
using HiiaPublish.Format;
using HiiaPublish.Format.Tests.Support;

namespace HiiaPublish.Format.Tests.Fuzz;

/// <summary>
/// The parser's promises over many generated drafts (rows 19–21 of the reliability table): it never
/// throws, every position it reports lies inside the file, and the same draft gives an equal model twice.
/// </summary>
public class ParserPropertyTests
{
    // At least 10,000 hostile documents per run, as the issue demands; with the valid ones this takes
    // well under a minute on two cores. A nightly job may ask for more with HIIA_FUZZ_DOCUMENTS.
    private static readonly int MutatedDocuments =
        Math.Max(10_000, int.TryParse(Environment.GetEnvironmentVariable("HIIA_FUZZ_DOCUMENTS"), out var asked) ? asked : 0);
    private const int ValidDocuments = 2_000;

    private static readonly PerspectiveParser Parser = new();

    private static ParseResult Parse(byte[] content) =>
        Parser.Parse(new DraftSource("draft.md", content, MemoryDraftAssets.None));

    [Fact]
    public void ValidDrafts_ParseWithoutDiagnostics_ToEqualModelsTwice()
    {
        DraftGenerators.ValidDraft.Sample(draft =>
        {
            var content = Encoding.UTF8.GetBytes(draft);
            var first = Parse(content);
            Assert.True(first.Diagnostics.Count == 0, string.Join("\n", first.Diagnostics));
            Assert.NotNull(first.Perspective);
            Assert.Equal(first.Perspective, Parse(content).Perspective);
        }, iter: ValidDocuments);
    }

    [Fact]
    public void MutatedDrafts_NeverThrow_AndReportOnlyPositionsInsideTheFile()
    {
        DraftGenerators.MutatedDraft.Sample(content =>
        {
            var result = Parse(content);
            foreach (var diagnostic in result.Diagnostics)
            {
                var problem = PositionAssert.Problem(diagnostic, content);
                Assert.True(problem is null, problem);
            }
            Assert.Equal(result.HasErrors, result.Perspective is null);
            if (result.Perspective is not null) Assert.Equal(result.Perspective, Parse(content).Perspective);
        }, iter: MutatedDocuments, print: content => Encoding.UTF8.GetString(content));
    }
}
