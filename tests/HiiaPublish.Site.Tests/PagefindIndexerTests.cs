using HiiaPublish.Site.Search;

namespace HiiaPublish.Site.Tests;

/// <summary>Without a working Pagefind the publish goes on; the result says search was not built, why, and what to do.</summary>
public class PagefindIndexerTests
{
    [Fact]
    public async Task NoBinary_SaysHowToGetIt()
    {
        var result = await PagefindIndexer.IndexFolderAsync(Path.GetTempPath(), binary: null, CancellationToken.None);

        Assert.False(result.Built);
        Assert.StartsWith("search index not built", result.Message);
        Assert.Contains("scripts/install-deps.sh", result.Message);
        Assert.Contains("HIIA_PAGEFIND", result.Message);
    }

    [Fact]
    public async Task ABinaryThatFails_OrCannotStart_IsReported_NotThrown()
    {
        var failing = await PagefindIndexer.IndexFolderAsync(Path.GetTempPath(), "/bin/false", CancellationToken.None);
        Assert.False(failing.Built);
        Assert.Contains("exit code 1", failing.Message);

        var missing = await PagefindIndexer.IndexFolderAsync(Path.GetTempPath(), "/nonexistent/pagefind_extended", CancellationToken.None);
        Assert.False(missing.Built);
        Assert.Contains("could not run", missing.Message);
    }

    [Fact]
    public void TheRepositorysBinary_IsFound_FromTheTestsFolder()
    {
        // scripts/install-deps.sh installs it at the repository root; the tests run from below it, as the CLI does.
        var found = PagefindIndexer.Locate();
        Assert.NotNull(found);
        Assert.EndsWith("node_modules/@pagefind/linux-x64/bin/pagefind_extended", found);
    }
}
