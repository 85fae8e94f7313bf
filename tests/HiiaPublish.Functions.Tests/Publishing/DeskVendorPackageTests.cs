using HiiaPublish.Azure.Http;
using HiiaPublish.Functions.Http;
using HiiaPublish.Functions.Tests.Support;

namespace HiiaPublish.Functions.Tests.Publishing;

/// <summary>
/// PDF.js and pixelmatch travel with the deployed app, with their licences, byte for byte the pinned npm files,
/// and the app serves them itself below /review/vendor/ as JavaScript modules: the desk loads nothing from
/// another host.
/// </summary>
[Collection(PublishedAppCollection.Name)]
public class DeskVendorPackageTests(PublishedAppFixture published)
{
    [Fact]
    public void ThePublishedPackage_HoldsPdfJsAndPixelmatch_WithTheirLicences_AsInstalledByNpm()
    {
        foreach (var (name, npmPath) in ReviewDeskAssets.VendorFiles)
        {
            var shipped = Path.Combine(published.Folder, "templates", "review", ReviewDeskAssets.VendorFolder, name);
            Assert.True(File.Exists(shipped), $"the package lacks {name}");
            Assert.Equal(File.ReadAllBytes(Path.Combine(Repository.Root, "node_modules", npmPath)), File.ReadAllBytes(shipped));
        }
        Assert.Contains("Apache License", File.ReadAllText(Path.Combine(published.Folder, "templates", "review", "vendor", "pdfjs-LICENSE.txt")));
        Assert.Contains("ISC", File.ReadAllText(Path.Combine(published.Folder, "templates", "review", "vendor", "pixelmatch-LICENSE.txt")));
    }

    [Theory]
    [InlineData("vendor/pdf.min.mjs", "text/javascript; charset=utf-8")]
    [InlineData("vendor/pdf.worker.min.mjs", "text/javascript; charset=utf-8")]
    [InlineData("vendor/pixelmatch.js", "text/javascript; charset=utf-8")]
    [InlineData("vendor/pdfjs-LICENSE.txt", "text/plain; charset=utf-8")]
    public async Task TheFunctionsApp_ServesEachVendorFile_WithItsTypeAndTheDesksPolicy(string path, string type)
    {
        var request = HttpCalls.Request("GET");
        request.Path = "/review/" + path;
        var answer = await HttpCalls.ExecuteAsync(request, new ReviewDeskFunction().Run(request, path));
        Assert.Equal((200, type), (answer.Status, answer.ContentType));
    }

    [Fact]
    public void Pixelmatch_IsServedAsTheEsModuleItIs()
    {
        var module = File.ReadAllText(Path.Combine(published.Folder, "templates", "review", "vendor", "pixelmatch.js"));
        Assert.Contains("export default function pixelmatch", module);
    }
}
