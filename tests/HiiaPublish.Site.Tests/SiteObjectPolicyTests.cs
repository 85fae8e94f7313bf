using HiiaPublish.Site.Publishing;

namespace HiiaPublish.Site.Tests;

public class SiteObjectPolicyTests
{
    [Theory]
    [InlineData("index.html", "text/html; charset=utf-8")]
    [InlineData("feed.xml", "application/atom+xml; charset=utf-8")]
    [InlineData("sitemap.xml", "application/xml; charset=utf-8")]
    [InlineData("perspectives.json", "application/json; charset=utf-8")]
    [InlineData("assets/site.css", "text/css; charset=utf-8")]
    [InlineData("perspectives/2026/a/a.pdf", "application/pdf")]
    [InlineData("perspectives/2026/a/img-0123456789ab.png", "image/png")]
    [InlineData("perspectives/2026/a/img-0123456789ab.jpg", "image/jpeg")]
    public void ContentType_ComesFromTheClosedMap(string path, string expected) => Assert.Equal(expected, SiteObjectPolicy.ContentTypeOf(path));

    [Fact]
    public void UnknownExtension_IsRefused_NeverOctetStream() =>
        Assert.Throws<ArgumentException>(() => SiteObjectPolicy.ContentTypeOf("program.exe"));

    [Fact]
    public void ContentDisposition_HasAnAsciiFallback_AndAPercentEncodedUtf8Name()
    {
        var name = SiteObjectPolicy.FileNameFromTitle("Ő \"quoted\" / path\\ name:", ".pdf");
        Assert.Equal("Ő quoted path name.pdf", name);
        Assert.Equal("inline; filename=\"slug.pdf\"; filename*=UTF-8''%C5%90%20quoted%20path%20name.pdf",
            SiteObjectPolicy.ContentDisposition(name, "slug.pdf"));
    }
}
