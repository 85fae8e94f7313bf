using System.Diagnostics;
using HiiaPublish.Cli.Commands;

namespace HiiaPublish.Cli.Tests;

/// <summary>
/// Issue 15, "files are what they say": `hiia check` reads only regular files inside the draft's folder. A cover that
/// links out of the folder, to a device or round in a loop is an error naming it (HP0072); a folder that links to its
/// parent is walked once; a named pipe among the drafts is skipped instead of hanging the check.
/// </summary>
public sealed class FileSystemRulesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hiia-fs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Draft(string cover) =>
        $"---\ntitle: A Paper\ndate: 2026-04-21\nauthors: [Anna Kovács]\nabstract: Short.\ncover:\n  image: {cover}\n  alt: A view\n---\n\n## One\n\nText.\n";

    private async Task<(int Exit, string Out)> CheckAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await new CheckCommand(workingDirectory: _root).RunAsync(args, stdout, stderr);
        return (exit, stdout + stderr.ToString());
    }

    private string Put(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("outside", "is a symbolic link to a file outside the draft's folder")]
    [InlineData("device", "is a symbolic link to a file outside the draft's folder")] // issue 15: a link to /dev/zero ran out of memory
    [InlineData("loop", "is a symbolic link that leads in a loop")]
    public async Task ACoverThatIsNoPlainFileInsideTheFolder_IsHP0072_NamingWhatItIs(string kind, string expected)
    {
        Put("paper/paper.md", Draft("cover.png"));
        var outside = Path.Combine(_root, "elsewhere.png");
        await File.WriteAllBytesAsync(outside, TestImages.Png());
        var link = Path.Combine(_root, "paper", "cover.png");
        switch (kind)
        {
            case "outside": File.CreateSymbolicLink(link, outside); break;
            case "device": File.CreateSymbolicLink(link, "/dev/zero"); break;
            default: File.CreateSymbolicLink(link, "cover.png"); break;
        }

        var (exit, output) = await CheckAsync("paper/paper.md");

        Assert.Equal(1, exit);
        Assert.Contains("HP0072", output);
        Assert.Equal("a character device", Format.FileKinds.NotRegular("/dev/zero")); // what a device inside the folder is called
        Assert.Contains($"'cover.png' {expected}", output);
    }

    [Fact]
    public async Task ACoverLinkThatStaysInsideTheFolder_IsRead()
    {
        Put("paper/paper.md", Draft("cover.png"));
        await File.WriteAllBytesAsync(Path.Combine(_root, "paper", "images-cover.png"), TestImages.Png());
        File.CreateSymbolicLink(Path.Combine(_root, "paper", "cover.png"), "images-cover.png");

        var (exit, output) = await CheckAsync("paper/paper.md");

        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task AFolderLinkingToItsParent_IsWalkedOnce_AndANamedPipeIsSkipped()
    {
        Put("papers/a.md", Draft("a.png").Replace("cover:\n  image: a.png\n  alt: A view\n", ""));
        Directory.CreateSymbolicLink(Path.Combine(_root, "papers", "again"), Path.Combine(_root, "papers"));
        var fifo = Path.Combine(_root, "papers", "pipe.md");
        using (var mkfifo = Process.Start("mkfifo", fifo)) await mkfifo.WaitForExitAsync();
        Assert.Equal("a named pipe (FIFO)", Format.FileKinds.NotRegular(fifo));

        var check = CheckAsync("papers");
        var finished = await Task.WhenAny(check, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.Same(check, finished); // no endless walk, no read of the pipe
        var (exit, output) = await check;
        Assert.True(exit == 0, output);
        Assert.Contains("1 file checked", output);
    }
}

/// <summary>`--site DIR` (the local folder site store) never writes through a symbolic link inside DIR.</summary>
public sealed class SiteFolderLinkTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hiia-site-links-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task AFolderOfTheSiteThatIsALink_IsRefused_AndNothingIsWrittenWhereItPoints()
    {
        var site = Path.Combine(_root, "site");
        var victim = Directory.CreateDirectory(Path.Combine(_root, "victim")).FullName;
        Directory.CreateDirectory(site);
        Directory.CreateSymbolicLink(Path.Combine(site, "perspectives"), victim);
        var store = new Site.Storage.LocalFolderSiteStore(site);

        var refused = await Assert.ThrowsAsync<IOException>(() => store.WriteAsync("perspectives/2026/x/index.html", [1, 2, 3],
            Site.Publishing.SiteObjectPolicy.Listing("perspectives/2026/x/index.html"), Site.Storage.WriteCondition.None, CancellationToken.None));

        Assert.Contains("is a symbolic link", refused.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(victim));
        // A plain folder is written as before.
        var written = await store.WriteAsync("index.html", [1], Site.Publishing.SiteObjectPolicy.Listing("index.html"), Site.Storage.WriteCondition.None, CancellationToken.None);
        Assert.True(written.Succeeded);
    }
}

/// <summary>
/// Issue 15: a named pipe or a device named on the command line itself (not found in a folder) was read with
/// File.ReadAllBytes, so `check` hung on a FIFO and a link to /dev/zero filled memory. Every command that reads the
/// file it is given now answers with a sentence instead, and the other files of the run are still handled.
/// </summary>
public sealed class CommandLineFileKindTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hiia-fifo-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Fifo()
    {
        var path = Path.Combine(_root, "paper.md");
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    // A hang is the failure this guards against: the command runs on its own thread and is given ample time, so a
    // regression fails the test instead of stopping the run.
    private static async Task<(int Exit, string Output)> Within(Func<TextWriter, TextWriter, Task<int>> run)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var task = Task.Run(() => run(stdout, stderr));
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == task, "the command did not return: it is reading the pipe");
        return (await task, stdout + stderr.ToString());
    }

    [Fact]
    public async Task Check_OfANamedPipe_IsHP0045_SayingItIsNoPlainFile()
    {
        var fifo = Fifo();
        var (exit, output) = await Within((o, e) => new CheckCommand(workingDirectory: _root).RunAsync([fifo], o, e));
        Assert.Equal(1, exit);
        Assert.Contains("HP0045", output);
        Assert.Contains("it is a named pipe (FIFO), not a plain file", output);
    }

    [Fact]
    public async Task Render_OfANamedPipe_IsOneSentence()
    {
        var fifo = Fifo();
        var (exit, output) = await Within((o, e) => new RenderCommand().RunAsync([fifo, "-o", Path.Combine(_root, "out.pdf")], o, e));
        Assert.Equal(1, exit);
        Assert.Contains("not rendered; could not read", output);
        Assert.Contains("it is a named pipe (FIFO), not a plain file", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Audit_OfALinkToADevice_IsOneSentence_NotAFullMemory()
    {
        var link = Path.Combine(_root, "paper.pdf");
        File.CreateSymbolicLink(link, "/dev/zero");
        var (exit, output) = await Within((o, e) => new AuditCommand().RunAsync([link], o, e));
        Assert.Equal(2, exit);
        Assert.Contains("it is a character device, not a plain file", output);
    }
}
