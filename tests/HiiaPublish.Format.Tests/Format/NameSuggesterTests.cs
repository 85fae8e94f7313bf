using HiiaPublish.Format.Common;

namespace HiiaPublish.Format.Tests.Format;

public class NameSuggesterTests
{
    private static readonly string[] Fields = ["title", "subtitle", "date", "language", "authors", "copy_editors", "abstract", "keywords", "cover", "slug", "series"];

    [Theory]
    [InlineData("copy-editors", "copy_editors")]
    [InlineData("author", "authors")]
    [InlineData("titel", "title")]
    [InlineData("Title", "title")]
    [InlineData("lang", "language")]
    [InlineData("keyword", "keywords")]
    public void Suggest_FindsTheFieldMeant(string written, string meant) =>
        Assert.Equal(meant, NameSuggester.Suggest(written, Fields));

    [Theory]
    [InlineData("favourite_colour")]
    [InlineData("x")]
    public void Suggest_StaysSilentWhenNothingIsClose(string written) =>
        Assert.Null(NameSuggester.Suggest(written, Fields));
}
