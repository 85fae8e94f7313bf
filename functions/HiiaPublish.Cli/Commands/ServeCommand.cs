using System.Diagnostics.CodeAnalysis;
using System.CommandLine;
using HiiaPublish.Azure;
using HiiaPublish.Azure.Http;
using HiiaPublish.Azure.Workflow;
using HiiaPublish.Cli.Local;
using HiiaPublish.Format.Branding;
using HiiaPublish.Site.Storage;
using HiiaPublish.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HiiaPublish.Cli.Commands;

/// <summary>
/// `hiia serve [--storage CONNECTION_STRING] [--port N] [--data DIR]`: the whole workflow in one local process.
/// The same API handlers and workflow as the Functions app, the render and publish queues pumped in-process,
/// and the published site under /site/. Without --storage it starts Azurite itself (in memory, or in --data).
/// </summary>
public sealed class ServeCommand : ICommand
{
    public string Name => "serve";

    public string Summary => "Run the editorial workflow (API, queues, review desk, site) locally, with Azurite.";

    public string Details => """
        The same API and workflow as the Functions app, the render and publish queues pumped in-process, the
        review desk at /review/ and the published site at /site/. Without --storage it starts Azurite itself.
        Requests carry the signed-in person as X-MS-CLIENT-PRINCIPAL (see docs/workflow.md). The workflow's
        logs are printed to standard error. Ctrl+C stops it.

        Exit code: 0 when stopped, 1 when Azurite could not be started, 2 for wrong usage.
        """;

    public Command Define()
    {
        var storage = new Option<string?>("--storage")
        {
            Description = "use this storage account (e.g. a running Azurite); default: start Azurite",
            HelpName = "CONNECTION_STRING",
        };
        var port = new Option<int>("--port")
        {
            Description = $"listen on 127.0.0.1:N (default {ServeOptions.DefaultPort}, as the Functions host)",
            HelpName = "N",
            DefaultValueFactory = _ => ServeOptions.DefaultPort,
        };
        port.CustomParser = result =>
        {
            if (result.Tokens.Count == 0) return ServeOptions.DefaultPort;
            var value = result.Tokens[^1].Value;
            if (int.TryParse(value, out var number) && number is >= 1 and <= 65535) return number;
            result.AddError($"--port must be a number from 1 to 65535, not '{value}'.");
            return 0;
        };
        var data = new Option<string?>("--data") { Description = "keep Azurite's data in DIR between runs (default: in memory)", HelpName = "DIR" };
        var command = new Command(Name, Summary) { storage, port, data };
        // The native tool never gets here (FullTool hands serve over first); the constant lets the native compiler
        // leave out ASP.NET Core and the Azure SDK.
        command.SetAction((parsed, cancellationToken) => !FullTool.InThisProcess ? FullTool.NotInTheNativeTool(Name, parsed.InvocationConfiguration.Error) : RunAsync(
            new ServeOptions(parsed.GetValue(storage), parsed.GetValue(port), parsed.GetValue(data)),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(ServeOptions options, TextWriter stdout, TextWriter stderr, CancellationToken stopping)
    {
        await using var azurite = options.Storage is null ? await StartAzuriteAsync(options, stderr, stopping) : null;
        if (options.Storage is null && azurite is null) return CommandLine.InputHasErrors;
        var storage = options.Storage ?? azurite!.ConnectionString();

        await using var app = Build(storage, options.Port);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        // The host turns Ctrl+C and SIGTERM into "stopping"; the pumps and Azurite stop with it.
        app.Lifetime.ApplicationStopping.Register(stop.Cancel);
        await app.StartAsync(stop.Token);
        var pump = app.Services.GetRequiredService<QueuePump>().RunAsync(stop.Token);
        var sweep = SweepLoop.RunAsync(app.Services.GetRequiredService<WorkflowService>(), stderr, stop.Token);
        var search = SearchIndexLoop.RunAsync(app.Services.GetRequiredService<HiiaPublish.Azure.Search.SiteSearchIndexer>(), stderr, stop.Token);
        stdout.WriteLine($"hiia serve: the API is at http://127.0.0.1:{options.Port}/api (OpenAPI: /api/openapi.json), the site at http://127.0.0.1:{options.Port}/site/.");
        stdout.WriteLine($"hiia serve: the review desk at http://127.0.0.1:{options.Port}{ReviewDeskAssets.DeskPath} (pick who you are at {LocalSignIn.PagePath}).");
        stdout.WriteLine("Press Ctrl+C to stop.");
        try { await Task.Delay(Timeout.Infinite, stop.Token); } catch (OperationCanceledException) { }
        await Task.WhenAll(pump, sweep, search);
        await app.StopAsync(CancellationToken.None);
        return CommandLine.Ok;
    }

    /// <summary>
    /// The whole local host against <paramref name="storage"/>, every route mapped, not yet started: the Functions
    /// app's registration plus what only this host has. Tests read its services and endpoints without serving.
    /// </summary>
    internal static WebApplication Build(string storage, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        ConfigureLogging(builder.Logging);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HiiaStorage:connectionString"] = storage,
            ["HiiaSite:connectionString"] = storage,
            // A laptop has no App Service Authentication: the developer sends the principal header themselves.
            [HiiaPublishServiceCollectionExtensions.TrustHeaderSetting] = "true",
            [ReviewDeskApi.ReaderUrlSetting] = "/site/",
        });
        // In one process the pump need not wait for its next poll to learn of new work: what is enqueued here wakes
        // it. And a laptop has no identity provider, so the desk's sign-in is the local form.
        builder.Services.AddHiiaPublish(builder.Configuration, new HiiaPublishHostOptions
        {
            DecorateWorkQueue = (queue, sp) => new SignallingWorkQueue(queue, sp.GetRequiredService<WorkSignal>()),
            SignIn = LocalSignIn.Links,
        });
        builder.Services.AddSingleton<WorkSignal>();
        builder.Services.AddSingleton(sp => new QueuePump(new StorageEndpoints(builder.Configuration.GetSection(StorageEndpoints.WorkflowConnection)).QueueService(),
            sp.GetRequiredService<WorkflowService>(), sp.GetRequiredService<ILogger<QueuePump>>(), sp.GetRequiredService<WorkSignal>()));
        var app = builder.Build();
        LoopbackGuard.Use(app, storage);
        var desk = LocalSignIn.DeskAssets(Path.Combine(TemplatesLocator.Find(), ReviewDeskAssets.FolderName));
        LocalSignIn.UsePrincipalFromCookie(app);
        MapRoutes(app, desk, ApiRoutes.All.Concat(LocalRoutes));
        return app;
    }

    /// <summary>
    /// The workflow's step logs, the lines the Functions app sends to Azure Monitor, printed on the console (standard
    /// error, one line each); everything else only when it warns.
    /// </summary>
    internal static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("HiiaPublish", LogLevel.Information);
    }

    /// <summary>
    /// What only a laptop answers besides <see cref="ApiRoutes.All"/>: the local sign-in form and the published site
    /// (in Azure the site is the storage account's static website). Kept out of the table on purpose: the deployed
    /// app has neither.
    /// </summary>
    internal static readonly IReadOnlyList<ApiRoute> LocalRoutes =
    [
        new("LocalSignIn", ApiRoutes.Get, LocalSignIn.PageRoute),
        new("Site", ApiRoutes.Get, "site/{**path}"),
    ];

    /// <summary>
    /// Maps <paramref name="routes"/> (the table and the local routes), each to its handler by name; a route without
    /// a handler, or a handler without a route, stops serve at start rather than leaving an endpoint missing or stray.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = NativeAot.OnlyInTheFullBuild)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = NativeAot.OnlyInTheFullBuild)]
    internal static void MapRoutes(WebApplication app, ReviewDeskAssets desk, IEnumerable<ApiRoute> routes)
    {
        var handlers = new Dictionary<string, Delegate>(StringComparer.Ordinal)
        {
            ["ListDrafts"] = (HttpRequest r, DraftsApi api, CancellationToken ct) => api.ListAsync(r, ct),
            ["UploadDraft"] = (HttpRequest r, DraftsApi api, CancellationToken ct) => api.UploadAsync(r, ct),
            ["GetDraft"] = (HttpRequest r, string slug, DraftsApi api, CancellationToken ct) => api.GetAsync(r, slug, ct),
            ["GetPreview"] = (HttpRequest r, string slug, string rev, DraftsApi api, CancellationToken ct) => api.PreviewAsync(r, slug, rev, ct),
            ["GetSource"] = (HttpRequest r, string slug, string rev, ReviewDeskApi api, CancellationToken ct) => api.SourceAsync(r, slug, rev, ct),
            ["Approve"] = (HttpRequest r, string slug, string rev, DraftsApi api, CancellationToken ct) => api.ApproveAsync(r, slug, rev, ct),
            ["RequestChanges"] = (HttpRequest r, string slug, string rev, DraftsApi api, CancellationToken ct) => api.RequestChangesAsync(r, slug, rev, ct),
            ["GetHistory"] = (HttpRequest r, string slug, DraftsApi api, CancellationToken ct) => api.HistoryAsync(r, slug, ct),
            ["GetText"] = (HttpRequest r, string slug, string rev, DraftsApi api, CancellationToken ct) => api.TextAsync(r, slug, rev, ct),
            ["Reply"] = (HttpRequest r, string slug, string rev, DraftsApi api, CancellationToken ct) => api.ReplyAsync(r, slug, rev, ct),
            ["Me"] = (HttpRequest r, ReviewDeskApi api) => api.Me(r),
            ["Health"] = () => DraftsApi.Health(),
            ["OpenApi"] = () => OpenApiDocument.Result(),
            ["ReviewDesk"] = (HttpRequest r, string? path) => desk.Answer(r.Path.Value!, path),
            ["LocalSignIn"] = (HttpRequest r) => LocalSignIn.Answer(r, desk),
            ["Site"] = (string? path, ISiteStore site, CancellationToken ct) => ServeSiteAsync(path, site, ct),
        };
        var mapped = routes.ToList();
        var unhandled = mapped.Select(r => r.Name).Where(name => !handlers.ContainsKey(name)).ToList();
        var unrouted = handlers.Keys.Where(name => mapped.All(r => r.Name != name)).ToList();
        if (unhandled.Count > 0 || unrouted.Count > 0)
            throw new InvalidOperationException($"hiia serve's handlers and the route table disagree: routes without a handler: [{string.Join(", ", unhandled)}]; handlers without a route: [{string.Join(", ", unrouted)}].");
        foreach (var route in mapped)
            app.MapMethods("/" + route.Template, [route.Method], handlers[route.Name]).WithName(route.Name);
    }

    private static async Task<IResult> ServeSiteAsync(string? path, ISiteStore site, CancellationToken cancellationToken)
    {
        var requested = path ?? "";
        var objectPath = requested.Length == 0 || requested.EndsWith('/') ? requested + "index.html" : requested;
        if (!SitePathRules.IsValid(objectPath)) return Results.NotFound();
        var found = await site.ReadAsync(objectPath, cancellationToken);
        return found is null ? Results.NotFound() : Results.Bytes(found.Content, found.Info.Properties?.ContentType ?? "application/octet-stream");
    }

    private static async Task<AzuriteProcess?> StartAzuriteAsync(ServeOptions options, TextWriter stderr, CancellationToken cancellationToken)
    {
        var script = AzuriteInstall.Find() ?? await AzuriteInstall.InstallAsync(stderr, cancellationToken);
        if (script is null) return null;
        try
        {
            if (options.DataFolder is not null) Directory.CreateDirectory(options.DataFolder);
            return await AzuriteProcess.StartAsync(script, options.DataFolder is null ? null : Path.GetFullPath(options.DataFolder));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"hiia serve: {FileProblem.Sentence(e, $"the data folder {options.DataFolder}", writing: true)}");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // node missing, Azurite exiting at start, or never answering: said in a sentence, never a stack trace.
            stderr.WriteLine($"hiia serve: Azurite could not be started ({e.Message.TrimEnd('.')}). Check that node runs, or pass --storage CONNECTION_STRING.");
            return null;
        }
    }
}

/// <summary>The parsed command line of `hiia serve`.</summary>
public sealed record ServeOptions(string? Storage, int Port, string? DataFolder)
{
    // The port `func start` uses, so the same scripts and bookmarks work with either host.
    public const int DefaultPort = 7071;
}
