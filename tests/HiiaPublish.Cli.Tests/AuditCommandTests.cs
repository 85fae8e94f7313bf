using System.Text.Json;
using HiiaPublish.Cli;
using HiiaPublish.Cli.Commands;

namespace HiiaPublish.Cli.Tests;

public sealed class AuditCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hiia-audit-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(_root, name), bytes);
        return name;
    }

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await new AuditCommand(workingDirectory: _root).RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task ACleanPdf_PassesEveryCheck_ExitZero()
    {
        var (exit, output, error) = await Run(Write("clean.pdf", TestPdf.Clean().Build()));

        Assert.Equal((CommandLine.Ok, ""), (exit, error));
        Assert.DoesNotContain("FAIL", output);
        Assert.Matches(@"clean\.pdf: (\d+) of \1 checks pass \(declares PDF/A-2a\)\n$", output);
    }

    [Fact]
    public async Task AFailedCheck_IsPrintedWithPageAndObject_ExitOne()
    {
        var file = Write("no-contents.pdf", TestPdf.Clean().Edit(20, "/Contents (Go to example.org) ", "").Build());

        var (exit, output, _) = await Run(file);

        Assert.Equal(CommandLine.InputHasErrors, exit);
        Assert.Contains("FAIL 28-012: Every link annotation has an alternate description (/Contents)\n     page 1, object 20 0 R: A link annotation has no /Contents.", output);
        Assert.Contains("pass 11-006", output);
    }

    [Fact]
    public async Task Json_HasEveryCheck()
    {
        var file = Write("no-lang.pdf", TestPdf.Clean().Edit(1, "/Lang (en-GB) ", "").Build());

        var (exit, output, _) = await Run("--format", "json", file);

        Assert.Equal(CommandLine.InputHasErrors, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("passed").GetBoolean());
        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(root.GetProperty("total").GetInt32(), checks.Count);
        var failed = Assert.Single(checks, c => !c.GetProperty("passed").GetBoolean());
        Assert.Equal(("11-006", "catalog"), (failed.GetProperty("id").GetString(), failed.GetProperty("objectRef").GetString()));
    }

    [Theory]
    [InlineData("garbage.pdf", "is not a PDF")]
    [InlineData("truncated.pdf", "truncated")]
    [InlineData("encrypted.pdf", "encrypted")]
    [InlineData("missing.pdf", "does not exist")]
    public async Task NotAReadablePdf_ExitTwo_WithOneSentence(string name, string reason)
    {
        var clean = TestPdf.Clean().Build();
        if (name == "garbage.pdf") Write(name, "PK\u0003\u0004 a zip, not a PDF"u8.ToArray());
        if (name == "truncated.pdf") Write(name, clean[..(clean.Length * 2 / 3)]);
        if (name == "encrypted.pdf") Write(name, EncryptedPdf());

        var (exit, output, error) = await Run(name);

        Assert.Equal((CommandLine.Usage, ""), (exit, output));
        Assert.StartsWith($"hiia audit: '{name}' is not a readable PDF", error);
        Assert.Contains(reason, error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData(new string[0], "give the PDF file to audit.")]
    [InlineData(new[] { "a.pdf", "b.pdf" }, "give one PDF file to audit.")]
    [InlineData(new[] { "--format", "xml", "a.pdf" }, "unknown format 'xml'; use text or json.")]
    public async Task WrongUsage_ExitTwo(string[] args, string problem)
    {
        var (exit, _, error) = await Run(args);

        Assert.Equal(CommandLine.Usage, exit);
        Assert.StartsWith($"hiia audit: {problem}", error);
    }

    [Fact]
    public async Task TheCommandLine_KnowsAudit()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await CommandLine.RunAsync(["audit", "--help"], stdout, stderr);

        Assert.Equal(CommandLine.Ok, exit);
        Assert.Contains("hiia audit [<FILE.pdf>...] [options]", stdout.ToString());
    }

    private static byte[] EncryptedPdf()
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        document.SecuritySettings.UserPassword = "secret";
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}
