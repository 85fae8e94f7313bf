using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.PortableExecutable;

namespace HiiaPublish.Cli.Tests;

/// <summary>
/// `sh scripts/install-hiia.sh FOLDER`, as the README's first command runs it: packs the tool, installs it with
/// `dotnet tool install --tool-path`, and the installed `hiia` runs from any folder with what it needs inside.
/// </summary>
public sealed class InstalledToolFixture : IDisposable
{
    // Packing the native tool (Native AOT, with the ReadyToRun build beside it) and the portable one takes 3-8 minutes
    // on a loaded two-core machine, most of it the native compiler.
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(20);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"hiia-tool-{Environment.ProcessId}");

    public InstalledToolFixture()
    {
        var run = InstalledToolTests.Run("sh", RepositoryPaths.RepositoryRoot, InstallTimeout,
            Path.Combine(RepositoryPaths.RepositoryRoot, "scripts", "install-hiia.sh"), Folder);
        Assert.True(run.Exit == 0, $"install-hiia.sh failed ({run.Exit}):\n{run.Out}\n{run.Err}");
        InstallOutput = run.Out;
    }

    public string InstallOutput { get; }

    public string Hiia => Path.Combine(Folder, "hiia");

    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>One install (a few minutes: the Linux x64 tool is compiled ahead of time) for every class that runs the tool.</summary>
[CollectionDefinition(Name)]
public sealed class InstalledToolCollection : ICollectionFixture<InstalledToolFixture>
{
    public const string Name = "the installed hiia";
}

[Collection(InstalledToolCollection.Name)]
public sealed class InstalledToolTests(InstalledToolFixture tool) : IDisposable
{
    private readonly DirectoryInfo _elsewhere = Directory.CreateTempSubdirectory("hiia-tool-run-");

    public void Dispose() => _elsewhere.Delete(recursive: true);

    internal static (int Exit, string Out, string Err) Run(string file, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }
        return (process.ExitCode, output.Result, errors.Result);
    }

    private (int Exit, string Out, string Err) Hiia(params string[] arguments) =>
        Run(tool.Hiia, _elsewhere.FullName, TimeSpan.FromMinutes(2), arguments);

    [Fact]
    public void TheScript_PrintsWhereTheToolIs_AndTheToolSaysItsVersionAndCommit()
    {
        Assert.Equal(tool.Hiia, tool.InstallOutput.Trim());
        var (exit, output, _) = Hiia("--version");
        Assert.Equal(0, exit);
        Assert.Matches(@"^hiia \d+\.\d+\.\d+ \(commit [0-9a-f]{40}\)\n$", output);
    }

    [Fact]
    public void TheInstalledTool_RendersTheEnglishSample_FromAFolderFarFromTheRepository()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.RepositoryRoot, "samples", "middle-corridor")))
            File.Copy(file, Path.Combine(_elsewhere.FullName, Path.GetFileName(file)));

        var (exit, output, error) = Hiia("render", "middle-corridor.md");

        Assert.True(exit == 0, output + error);
        Assert.Matches(@"middle-corridor\.md → middle-corridor\.pdf \(\d+ pages\)", output);
        Assert.StartsWith("%PDF-", File.ReadAllText(Path.Combine(_elsewhere.FullName, "middle-corridor.pdf"))[..8]);
    }

    [Fact]
    public void TheLinuxPackage_HoldsTheTemplatesFontsAndPatterns_AndOneNativeBinary()
    {
        var package = Path.Combine(RepositoryPaths.RepositoryRoot, "artifacts", "packages", "HiiaPublish.Cli.linux-x64.1.0.0.nupkg");
        using var zip = ZipFile.OpenRead(package);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        // A native tool's package has no framework folder: its files are for any framework, on this platform.
        const string root = "tools/any/linux-x64/";
        Assert.Contains(root + "templates/branding.yaml", names);
        Assert.Contains(names, n => n.StartsWith(root + "templates/fonts/", StringComparison.Ordinal) && n.EndsWith(".ttf", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith(root + "templates/hyphenation/", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith(root + "templates/pdf/", StringComparison.Ordinal));

        // Native AOT: the program is one Linux executable, with no assemblies for a JIT to compile at start; the
        // full build that publish and serve run in sits apart in full/, and is ReadyToRun as the tool used to be.
        Assert.DoesNotContain(names, n => n.StartsWith(root, StringComparison.Ordinal) && !n.StartsWith(root + "full/", StringComparison.Ordinal)
            && (n.EndsWith(".dll", StringComparison.Ordinal) || n.EndsWith(".dbg", StringComparison.Ordinal) || n.EndsWith(".pdb", StringComparison.Ordinal)));
        Assert.Contains(root + "full/templates/branding.yaml", names);
        using (var typesetter = new MemoryStream())
        {
            using (var entry = zip.GetEntry(root + "full/HiiaPublish.Typesetting.dll")!.Open()) entry.CopyTo(typesetter);
            typesetter.Position = 0;
            using var pe = new PEReader(typesetter);
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "the full build beside the native tool is not ReadyToRun");
        }
        using var binary = zip.GetEntry(root + "hiia")!.Open();
        var header = new byte[4];
        binary.ReadExactly(header);
        Assert.Equal("\u007fELF"u8.ToArray(), header);
        // The installed command is that binary, not a host that starts the runtime on a hiia.dll.
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(File.ResolveLinkTarget(tool.Hiia, returnFinalTarget: true)?.FullName ?? tool.Hiia)!, "hiia.dll")));
    }

    [Fact]
    public void ThePortablePackage_IsFrameworkDependentIl_ForEveryOtherMachine()
    {
        var package = Path.Combine(RepositoryPaths.RepositoryRoot, "artifacts", "packages", "HiiaPublish.Cli.any.1.0.0.nupkg");
        using var zip = ZipFile.OpenRead(package);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("tools/net10.0/any/hiia.dll", names);
        Assert.Contains("tools/net10.0/any/HiiaPublish.Typesetting.dll", names);
        Assert.Contains("tools/net10.0/any/templates/branding.yaml", names);
    }

    [Fact]
    public void TheReadmesFirstCommand_InstallsThisToolAndRunsTheMainJob_AndTheSecondIsTheTestRun()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryPaths.RepositoryRoot, "README.md"));
        var block = readme.SkipWhile(line => line != "```bash").Skip(1).TakeWhile(line => line != "```").ToList();

        Assert.Equal(2, block.Count);
        Assert.StartsWith("sh scripts/install-hiia.sh && .tools/hiia/hiia publish samples/ --site out/site ", block[0]);
        Assert.StartsWith("bash scripts/test.sh ", block[1]);
        // The script's default folder is the one the command runs the tool from.
        Assert.Contains("tool_path=\"${1:-$root/.tools/hiia}\"", File.ReadAllText(Path.Combine(RepositoryPaths.RepositoryRoot, "scripts", "install-hiia.sh")));
    }
}
