using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;
using static HiiaPublish.Typesetting.Tests.Support.Build;

namespace HiiaPublish.Typesetting.Tests.Output;

/// <summary>
/// Every warning code the typesetter has is produced by a small document here, at the source line of the block
/// it concerns. A code without a case fails the theory (it enumerates the codes of <see cref="TypesetWarningCatalog"/>,
/// not the cases).
/// </summary>
public class WarningCodeTests
{
    private static readonly TableStyle TableStyle = new(4, 0.5, Color.Black);

    // One document per code (written out, so a renumbered code fails too), each with the source line the warning must carry.
    private static readonly Dictionary<string, (Func<TypesetDocument> Document, int Line)> Cases = new()
    {
        ["TS0001"] = (() => Document(Para("short " + new string('m', 100) + " end") with { SourceLine = 3 }), 3),
        ["TS0002"] = (() => Document(Picture(3000, 1500, line: 5)), 5),
        ["TS0003"] = (() => Document(new TableBlock([1],
            [new([new([ExactLines(25, 0, Ragged)])], false)], TableStyle) { SourceLine = 7 }), 7),
        ["TS0004"] = (() => Document(Picture(0, 0, line: 9)), 9),
        ["TS0005"] = (() => Document(Para("a crab 🦀 here") with { SourceLine = 11 }), 11),
    };

    public static TheoryData<string> Codes() => [.. TypesetWarningCatalog.All.Select(d => d.Code)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryCode_HasADocumentThatProducesIt(string code)
    {
        Assert.Null(ProblemWith(code));
    }

    [Fact]
    public void EveryCode_HasADocument_FailsForACodeWithoutACase_OrACaseThatDoesNotProduceIt()
    {
        // The check above must be able to fail: a made-up code has no case, and TS0001's document does not
        // produce TS0002.
        Assert.NotNull(ProblemWith("TS0099"));
        Assert.NotNull(ProblemWith("TS0002", Cases["TS0001"]));
    }

    private static string? ProblemWith(string code) =>
        Cases.TryGetValue(code, out var @case)
            ? ProblemWith(code, @case)
            : $"{code} has no case in {nameof(WarningCodeTests)}; add a document that produces it.";

    private static string? ProblemWith(string code, (Func<TypesetDocument> Document, int Line) @case)
    {
        var warnings = Layout(@case.Document()).Warnings;
        return warnings.Any(w => w.Code == code && w.SourceLine == @case.Line)
            ? null
            : $"The case of {code} gave [{string.Join(", ", warnings.Select(w => $"{w.Code} at line {w.SourceLine}"))}], not {code} at line {@case.Line}.";
    }

    private static ImageBlock Picture(int pixelWidth, int pixelHeight, int line) =>
        new(new ImageSource("photo.jpg", [1, 2, 3], pixelWidth, pixelHeight), "A photo", 1000, 1000) { SourceLine = line };
}
