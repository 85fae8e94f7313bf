using System.Diagnostics;
using System.Globalization;
using HiiaPublish.RedTeam;

// Issue 15's red-team rerun: every attack of the issue, against a built `hiia` and `hiia serve`, as separate processes.
// Usage (scripts/red-team.sh builds hiia first):
//   dotnet run -c Release --project tests/HiiaPublish.RedTeam -- --hiia PATH [--only CLASS[,CLASS]] [--skip-tests]
// Classes: markdown, floods, pictures, unicode, files, replacement, serve, tests. Exit code 0 when every row passes.

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var hiia = Value("--hiia") ?? throw new ArgumentException("--hiia PATH is required (the `hiia` to attack).");
hiia = Path.GetFullPath(hiia);
var only = Value("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
bool Runs(string name) => (only is null || only.Contains(name)) && !(name == "tests" && args.Contains("--skip-tests"));
var root = FindRoot();
var work = Directory.CreateTempSubdirectory("hiia-red-team-").FullName;
var findings = new List<Finding>();
void Report(Finding finding)
{
    findings.Add(finding);
    Console.Error.WriteLine($"{(finding.Pass ? "PASS" : "FAIL")}  {finding.Class}: {finding.Attack} — {finding.Observed}");
}

Console.Error.WriteLine($"Attacking {hiia} ({Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}); work folder {work}.");
var clock = Stopwatch.StartNew();
var cli = new CliAttacks(hiia, work, Report);
try
{
    if (Runs("markdown")) await cli.MarkdownShapesAsync();
    if (Runs("floods")) await cli.FloodsAsync();
    if (Runs("pictures")) await cli.PicturesAsync();
    if (Runs("unicode")) await cli.UnicodeAsync();
    if (Runs("files")) await cli.FileSystemAsync();
    if (Runs("replacement")) await cli.SilentReplacementAsync();
    if (Runs("serve")) await new ServeAttacks(hiia, work, Path.Combine(root, "samples", "middle-corridor"), Report).RunAsync();
    if (Runs("tests")) await ReusedTestsAsync();
}
catch (Exception e)
{
    Report(new Finding("harness", "the run itself", "finishes", $"stopped: {e.GetType().Name}: {e.Message}", false));
}

Console.WriteLine();
Console.WriteLine($"Red-team rerun of issue 15, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {clock.Elapsed.TotalMinutes:0.0} min; " +
    "time is CPU time (user + system) from /usr/bin/time -v, memory its peak resident size.");
Console.WriteLine();
Console.WriteLine("| class | attack | expected | observed | result |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var f in findings)
    Console.WriteLine($"| {f.Class} | {Cell(f.Attack)} | {Cell(f.Expected)} | {Cell(f.Observed)} | {(f.Pass ? "PASS" : "**FAIL**")} |");
Console.WriteLine();
Console.WriteLine($"{findings.Count(f => f.Pass)} passed, {findings.Count(f => !f.Pass)} failed.");
try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
return findings.All(f => f.Pass) ? 0 : 1;

// The attacks already proven by tests that build exactly the issue's sequence (the stale R2/R3 publish on Azurite, a
// kill at every storage write of a correction, a crash between the state write and the enqueue): run, not re-built.
async Task ReusedTestsAsync()
{
    foreach (var (attack, project, filter) in new[]
             {
                 ("stale R2/R3 publish on Azurite (R2's message returns after R3 is published)", "HiiaPublish.Functions.Tests", "FullyQualifiedName~StalePublishAzuriteTests"),
                 ("stale publish, every interleaving in memory", "HiiaPublish.Workflow.Tests", "FullyQualifiedName~StalePublishTests"),
                 ("kill at every storage write of a correction's publish", "HiiaPublish.Site.Tests", "FullyQualifiedName~CorrectionFaultTests"),
                 ("crash between the state write and the enqueue (the sweep)", "HiiaPublish.Workflow.Tests", "FullyQualifiedName~SweepTests"),
             })
    {
        var m = await Measured.RunAsync("dotnet", ["test", Path.Combine(root, "tests", project), "-c", "Release", "--filter", filter, "--nologo", "-v", "q"],
            root, TimeSpan.FromMinutes(15));
        var summary = m.Stdout.Split('\n').LastOrDefault(l => l.Contains("Passed!", StringComparison.Ordinal) || l.Contains("Failed!", StringComparison.Ordinal))?.Trim() ?? $"exit {m.ExitCode}";
        Report(new Finding("reused tests", attack, $"{project} --filter {filter.Split('~')[1]} passes", summary,
            m.ExitCode == 0 && summary.Contains("Passed!", StringComparison.Ordinal)));
    }
}

string? Value(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

static string FindRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HiiaPublish.sln"))) return dir.FullName;
    throw new InvalidOperationException("Run the red team from inside the repository (HiiaPublish.sln not found).");
}
