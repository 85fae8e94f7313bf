using HiiaPublish.Cli.Local;

namespace HiiaPublish.Cli.Tests;

/// <summary>`hiia serve` installed as a tool runs far from the repository's .tools: it must find an Azurite on PATH.</summary>
public sealed class AzuriteInstallTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("hiia-azurite-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void AnAzuriteOnPath_IsFound_ThroughNpmsLinkToItsScript()
    {
        // What `npm install -g azurite` leaves: bin/azurite, a link to the package's dist/src/azurite.js.
        var script = Path.Combine(_work.FullName, "lib", "node_modules", "azurite", "dist", "src", "azurite.js");
        Directory.CreateDirectory(Path.GetDirectoryName(script)!);
        File.WriteAllText(script, "// azurite");
        var bin = Directory.CreateDirectory(Path.Combine(_work.FullName, "bin")).FullName;
        File.CreateSymbolicLink(Path.Combine(bin, "azurite"), Path.Combine("..", "lib", "node_modules", "azurite", "dist", "src", "azurite.js"));

        var found = AzuriteInstall.OnPath(string.Join(Path.PathSeparator, "/nonexistent", bin));

        Assert.Equal(Path.GetFullPath(script), found);
    }

    [Fact]
    public void NoAzuriteOnPath_OrOnlyAWrapperNodeCannotRun_IsNotFound()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_work.FullName, "bin")).FullName;
        Assert.Null(AzuriteInstall.OnPath(bin));
        File.WriteAllText(Path.Combine(bin, "azurite"), "#!/bin/sh\nexec something-else\n");
        Assert.Null(AzuriteInstall.OnPath(bin));
    }
}
