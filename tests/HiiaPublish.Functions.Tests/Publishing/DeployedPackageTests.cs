using System.Text;
using System.Text.Json;
using HiiaPublish.Azure.Http;
using HiiaPublish.Cli.Commands;
using HiiaPublish.Cli.Local;
using HiiaPublish.Functions.Tests.Support;

namespace HiiaPublish.Functions.Tests.Publishing;

/// <summary>
/// Nothing deployed to Azure carries what exists only on a laptop: the storage emulator's well-known key, the
/// local sign-in form and its cookie, the local queue pump. Read from the bytes of what `dotnet publish` puts in
/// the package, so a constant, a type or a template that slips back into a deployed project fails here.
/// </summary>
[Collection(PublishedAppCollection.Name)]
public class DeployedPackageTests(PublishedAppFixture published)
{
    // What only `hiia` may hold, each looked for as UTF-8 (type names, templates) and as UTF-16 (an assembly's
    // string literals and constants).
    private static readonly string[] LocalOnly =
    [
        AzuriteProcess.DevelopmentKey,
        LocalSignIn.PrincipalCookie,
        Path.GetFileNameWithoutExtension(LocalSignIn.PageFile),
        nameof(AzuriteProcess), nameof(QueuePump), nameof(WorkSignal), nameof(SignallingWorkQueue),
    ];

    [Fact]
    public void NothingThePackageHoldsOfOurs_ContainsTheEmulatorKey_OrTheLocalSignIn_OrTheLocalPump()
    {
        var ours = OurFiles(published.Folder).ToList();
        var names = ours.Select(f => Path.GetRelativePath(published.Folder, f)).ToList();
        // The scan is only worth something if it reads the assemblies that run in Azure, and `hiia` is not one.
        foreach (var assembly in new[] { "HiiaPublish.Functions.dll", "HiiaPublish.Azure.dll", "HiiaPublish.Workflow.dll" })
            Assert.Contains(assembly, names);
        Assert.Contains(names, n => n.StartsWith("templates", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(published.Folder, Path.GetFileName(typeof(ServeCommand).Assembly.Location))), "the package holds hiia");
        Assert.False(File.Exists(Path.Combine(published.Folder, "templates", "review", LocalSignIn.PageFile)), "the package holds the local sign-in form");

        var found = ours.SelectMany(file => LocalOnlyStringsIn(file).Select(s => $"{Path.GetRelativePath(published.Folder, file)}: {s}")).ToList();
        Assert.True(found.Count == 0, "Deployed files hold what belongs in hiia only:\n" + string.Join("\n", found));
    }

    [Fact]
    public void TheScan_FindsEveryOneOfThem_InHiia()
    {
        // The check must be able to fail: `hiia` holds all of them, so the same scan of it finds each.
        Assert.Equal(LocalOnly, LocalOnlyStringsIn(typeof(ServeCommand).Assembly.Location));
    }

    [Fact]
    public void TheDeployedFunctionsMetadata_HasExactlyTheTablesHttpRoutes()
    {
        // What the Functions host reads to route requests: generated at build from the triggers' attributes.
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Folder, "functions.metadata")));
        var routes = metadata.RootElement.EnumerateArray().SelectMany(function => function.GetProperty("bindings").EnumerateArray()
            .Where(binding => binding.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(binding => binding.GetProperty("methods").EnumerateArray().Select(method =>
                new ApiRoute(function.GetProperty("name").GetString()!, method.GetString()!, binding.GetProperty("route").GetString()!))))
            .ToList();
        RouteAssert.Same(ApiRoutes.All, routes, "the deployed functions.metadata");
    }

    [Theory]
    [InlineData("HiiaPublish.Typesetting.dll")]
    [InlineData("HiiaPublish.Pdf.dll")]
    [InlineData("HiiaPublish.Rendering.dll")]
    [InlineData("HiiaPublish.Workflow.dll")]
    [InlineData("HiiaPublish.Functions.dll")]
    public void TheDeployedAssemblies_AreReadyToRun_SoAColdInstanceDoesNotJitTheTypesetter(string assembly)
    {
        using var stream = File.OpenRead(Path.Combine(published.Folder, assembly));
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        // ReadyToRun code is announced by the CLI header's managed native header (empty in an IL-only assembly).
        Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{assembly} is IL only: the publish is not ReadyToRun");
    }

    [Fact]
    public void TheDeployedFunctionsMetadata_HasTheFourQueueTriggers_OnTheAppsOneConnection()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Folder, "functions.metadata")));
        var queues = metadata.RootElement.EnumerateArray().SelectMany(function => function.GetProperty("bindings").EnumerateArray()
                .Where(binding => binding.GetProperty("type").GetString() == "queueTrigger")
                .Select(binding => $"{function.GetProperty("name").GetString()} {binding.GetProperty("queueName").GetString()} {binding.GetProperty("connection").GetString()}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        var connection = HiiaPublish.Azure.Workflow.StorageEndpoints.WorkflowConnection;
        Assert.Equal([$"Publish publish {connection}", $"PublishPoison publish-poison {connection}", $"Render render {connection}", $"RenderPoison render-poison {connection}"], queues);
    }

    [Fact]
    public void TheDeployedFunctionsMetadata_HasTheSweepAndSearchIndexTimers_EveryFiveMinutes()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Folder, "functions.metadata")));
        var timers = metadata.RootElement.EnumerateArray().SelectMany(function => function.GetProperty("bindings").EnumerateArray()
                .Where(binding => binding.GetProperty("type").GetString() == "timerTrigger")
                .Select(binding => $"{function.GetProperty("name").GetString()} {binding.GetProperty("schedule").GetString()}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(["SearchIndex 0 */5 * * * *", "Sweep 0 */5 * * * *"], timers);
    }

    [Fact]
    // Pagefind's binary here is Linux x64's, as on the Functions app's workers; Windows keeps no Unix mode.
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ThePackage_CarriesPagefind_WhereTheIndexerLooks_AndItIndexesAPage_EvenWithoutItsExecuteBit()
    {
        // PagefindIndexer.Locate() looks at pagefind/pagefind_extended beside the program.
        var binary = Path.Combine(published.Folder, HiiaPublish.Site.Search.PagefindIndexer.OutputFolder, "pagefind_extended");
        Assert.True(File.Exists(binary), $"the package has no {binary}");
        Assert.True(new FileInfo(binary).Length > 1_000_000, "the packaged pagefind_extended is not the program");

        // As a deployment zip may unpack it: readable, not executable.
        var unpacked = Path.Combine(Path.GetTempPath(), $"hiia-unzipped-{Guid.NewGuid():N}");
        var site = Path.Combine(unpacked, "site");
        Directory.CreateDirectory(Path.Combine(site, "perspectives", "2026", "probe"));
        try
        {
            var copy = Path.Combine(unpacked, "pagefind_extended");
            File.Copy(binary, copy);
            File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await File.WriteAllTextAsync(Path.Combine(site, "perspectives", "2026", "probe", "index.html"),
                "<html lang=\"en\"><head><title>Probe</title></head><body><article data-pagefind-body><p>Unzipped binaries still index.</p></article></body></html>");

            var result = await HiiaPublish.Site.Search.PagefindIndexer.IndexFolderAsync(site, copy, CancellationToken.None);

            Assert.True(result.Built, result.Message);
            Assert.True(File.Exists(Path.Combine(site, "pagefind", "pagefind-entry.json")));
        }
        finally
        {
            Directory.Delete(unpacked, recursive: true);
        }
    }

    /// <summary>Our assemblies and everything they read (deps, runtime config, metadata, host.json, templates); the SDK's and packages' own files are not ours to judge.</summary>
    private static IEnumerable<string> OurFiles(string folder) =>
        Directory.GetFiles(folder, "HiiaPublish.*.dll")
            .Concat(Directory.GetFiles(folder, "HiiaPublish.*.json"))
            .Concat(new[] { "functions.metadata", "host.json" }.Select(f => Path.Combine(folder, f)).Where(File.Exists))
            .Concat(Directory.GetFiles(Path.Combine(folder, "templates"), "*", SearchOption.AllDirectories));

    private static List<string> LocalOnlyStringsIn(string file)
    {
        var bytes = File.ReadAllBytes(file);
        return LocalOnly.Where(s => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(s)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(s)) >= 0).ToList();
    }
}
