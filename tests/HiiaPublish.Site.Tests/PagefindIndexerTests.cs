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

    [Fact]
    // Pagefind's binary here is Linux x64's, as on the Functions app's workers; Windows keeps no Unix mode.
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ABinaryWithoutItsExecuteBit_AsADeploymentZipUnpacksIt_IsCopiedAndRunsAnyway()
    {
        var folder = Directory.CreateTempSubdirectory("hiia-pagefind-mode-");
        try
        {
            var unpacked = Path.Combine(folder.FullName, "pagefind_extended");
            File.Copy(PagefindIndexer.Locate()!, unpacked);
            File.SetUnixFileMode(unpacked, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var site = Directory.CreateDirectory(Path.Combine(folder.FullName, "site", "perspectives", "2026", "probe"));
            await File.WriteAllTextAsync(Path.Combine(site.FullName, "index.html"),
                "<html lang=\"en\"><head><title>Probe</title></head><body><article data-pagefind-body><p>Modeless binaries index.</p></article></body></html>");

            var runnable = PagefindIndexer.Runnable(unpacked);
            var result = await PagefindIndexer.IndexFolderAsync(Path.Combine(folder.FullName, "site"), unpacked, CancellationToken.None);

            Assert.NotEqual(unpacked, runnable);
            Assert.True((File.GetUnixFileMode(runnable) & UnixFileMode.UserExecute) != 0);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(unpacked)); // the package is left as it is
            Assert.True(result.Built, result.Message);
            Assert.True(File.Exists(Path.Combine(folder.FullName, "site", "pagefind", "pagefind-entry.json")));
            // An executable binary is run where it is.
            Assert.Equal(PagefindIndexer.Locate(), PagefindIndexer.Runnable(PagefindIndexer.Locate()!));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
