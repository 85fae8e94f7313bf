using HiiaPublish.Format.Tests.Support;

namespace HiiaPublish.Format.Tests.Format;

/// <summary>number, doi and translation_of reach the model as written (a DOI without its resolver), and are optional.</summary>
public class SeriesFieldsTests
{
    private const string Draft = """
        ---
        title: The Test Paper
        date: 2026-04-21
        number: 2026/7
        doi: https://doi.org/10.12345/hiia.2026.7
        translation_of: a-teszt-elemzes
        authors:
          - Anna Kovács
        abstract: A short abstract.
        ---

        ## Introduction

        Some text.
        """;

    [Fact]
    public void SeriesFields_AreRead()
    {
        var metadata = Drafts.Parse(Draft).Perspective!.Metadata;

        Assert.Equal("2026/7", metadata.Number);
        Assert.Equal("10.12345/hiia.2026.7", metadata.Doi);
        Assert.Equal("a-teszt-elemzes", metadata.TranslationOf);
    }

    [Theory]
    [InlineData("doi: doi:10.1000/xyz.1", "10.1000/xyz.1")]
    [InlineData("doi: 10.1000/xyz.1", "10.1000/xyz.1")]
    public void Doi_AcceptsTheUsualWritings(string line, string expected)
    {
        var result = Drafts.Parse(Draft.Replace("doi: https://doi.org/10.12345/hiia.2026.7", line));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, result.Perspective!.Metadata.Doi);
    }

    [Theory]
    [InlineData("number: 2026-7")]
    [InlineData("number: 26/7")]
    [InlineData("doi: 10.1000/<script>")]
    [InlineData("doi: 11.1000/x")]
    [InlineData("translation_of: Not A Slug")]
    public void MalformedValues_AreErrorsAtTheirLine(string line)
    {
        var field = line[..line.IndexOf(':')];
        var draft = Draft.Replace(Draft.Split('\n').First(l => l.StartsWith(field + ":", StringComparison.Ordinal)), line);

        var result = Drafts.Parse(draft);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(Diagnostics.Severity.Error, error.Severity);
        Assert.Equal(Draft.Split('\n').ToList().FindIndex(l => l.StartsWith(field + ":", StringComparison.Ordinal)) + 1, error.Line);
        Assert.Null(result.Perspective);
    }

    [Fact]
    public void SeriesFields_AreOptional()
    {
        var plain = string.Join('\n', Draft.Split('\n').Where(l => !l.StartsWith("number:") && !l.StartsWith("doi:") && !l.StartsWith("translation_of:")));

        var metadata = Drafts.Parse(plain).Perspective!.Metadata;

        Assert.Null(metadata.Number);
        Assert.Null(metadata.Doi);
        Assert.Null(metadata.TranslationOf);
    }

    [Fact]
    public void Corrects_ReachesTheModelWithItsPlace_WhenItNamesTheDraftsOwnSlug()
    {
        var result = Drafts.Parse(Draft.Replace("translation_of: a-teszt-elemzes", "slug: the-test-paper\ncorrects: the-test-paper"));

        var metadata = result.Perspective!.Metadata;
        Assert.Equal("the-test-paper", metadata.Corrects);
        Assert.Equal((7, 11), (metadata.CorrectsAt.Line, metadata.CorrectsAt.Column));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "HP0085" or "HP0086");
    }

    [Fact]
    public void Corrects_IsAbsent_WhenNotWritten()
    {
        Assert.Null(Drafts.Parse(Draft).Perspective!.Metadata.Corrects);
    }
}
