using System.Text;
using HiiaPublish.Format;

namespace HiiaPublish.Format.Tests.Support;

internal static class Drafts
{
    public static readonly byte[] PngBytes = HiiaPublish.Testing.TestImages.Png();

    public static readonly PerspectiveParser Parser = new();

    /// <summary>A front matter with every required field, to put above a body under test.</summary>
    public static string Header(string extraFields = "", string language = "en") => $"""
        ---
        title: The Test Paper
        date: 2026-04-21
        language: {language}
        authors: [Anna Kovács]
        abstract: A short abstract.
        {extraFields}
        ---

        """;

    public static ParseResult Parse(string text, IDraftAssets? assets = null) =>
        Parser.Parse(new DraftSource("draft.md", Encoding.UTF8.GetBytes(text), assets ?? MemoryDraftAssets.None));

    public static Perspective ParseValid(string text, IDraftAssets? assets = null)
    {
        var result = Parse(text, assets);
        Assert.True(result.Perspective is not null, string.Join("\n", result.Diagnostics));
        return result.Perspective!;
    }
}
