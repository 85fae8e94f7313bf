using System.Security.Cryptography;
using HiiaPublish.Azure.Storage;
using HiiaPublish.Format.Branding;
using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Format;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Rendering;
using HiiaPublish.Site;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Cli.Commands;

/// <summary>
/// `hiia publish FILE|FOLDER (--site DIR | --storage CONNECTION_STRING | --account-url URL)`: checks, renders
/// and publishes each draft, then says where to open the site. Parser, renderer and clock are injectable so
/// the command can be tested without the PDF renderer.
/// </summary>
public sealed class PublishCommand(
    Func<DraftSource, ParseResult>? parse = null,
    Func<Perspective, IDraftAssets, string, RenderResult>? render = null,
    TimeProvider? time = null) : ICommand
{
    private readonly DraftRenderer _drafts = new(
        parse ?? new PerspectiveParser().Parse,
        render is null
            ? (perspective, assets, file, cancellationToken) => SharedRenderer.Value.Render(perspective, assets, file, cancellationToken)
            : (perspective, assets, file, _) => render(perspective, assets, file));

    // Fonts, patterns and templates load once per process, however many drafts are published.
    private static readonly Lazy<PerspectiveRenderer> SharedRenderer = new(() => new PerspectiveRenderer(TemplatesLocator.Find()));
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string Name => "publish";
    public string Summary => "Publish drafts to the web site: a local folder (--site) or Azure ($web).";

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args is ["-h" or "--help"])
        {
            WriteHelp(stdout);
            return CommandLine.Ok;
        }
        var options = PublishCommandOptions.Parse(args, out var usageError);
        if (options is null)
        {
            stderr.WriteLine($"hiia publish: {usageError}");
            WriteHelp(stderr);
            return CommandLine.Usage;
        }

        var drafts = options.DraftFiles();
        if (drafts.Count == 0)
        {
            stderr.WriteLine($"hiia publish: no draft (*.md) found at '{options.Input}'.");
            return CommandLine.InputHasErrors;
        }

        var store = OpenStore(options);
        var publisher = new SitePublisher(SiteRenderer.Load(TemplatesLocator.Find()));
        var failed = false;
        // Drafts are checked and rendered ahead, one per core, while earlier ones are published: publishing goes one
        // paper at a time in the drafts' order (the catalogue and listings change with each), rendering need not.
        foreach (var prepared in RenderAhead.Start(drafts, PrepareAsync))
            failed |= !await PublishOneAsync(await prepared, publisher, store, stdout, stderr);

        if (store is LocalFolderSiteStore site)
            stdout.WriteLine((await HiiaPublish.Site.Search.PagefindIndexer.IndexFolderAsync(site.RootDirectory)).Message + ".");
        WhereToOpen(options, store, stdout);
        return failed ? CommandLine.InputHasErrors : CommandLine.Ok;
    }

    /// <summary>
    /// A draft read, checked and rendered, waiting for its turn to be published; <paramref name="Failure"/> says why
    /// there is no <paramref name="Rendered"/> when HiiaPublish itself failed on it.
    /// </summary>
    private sealed record PreparedDraft(string Draft, byte[] Source, FolderDraftAssets Assets, DraftRenderResult? Rendered, string? Failure);

    private async Task<PreparedDraft> PrepareAsync(string draft)
    {
        var source = await File.ReadAllBytesAsync(draft).ConfigureAwait(false);
        var assets = new FolderDraftAssets(Path.GetDirectoryName(Path.GetFullPath(draft))!);
        try
        {
            return new PreparedDraft(draft, source, assets, _drafts.Render(new DraftSource(draft, source, assets)), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A fault of ours: said against this draft, and the drafts after it are still published.
            return new PreparedDraft(draft, source, assets, null, RenderFailure.Describe(draft, e));
        }
    }

    private async Task<bool> PublishOneAsync(PreparedDraft prepared, SitePublisher publisher, ISiteStore store, TextWriter stdout, TextWriter stderr)
    {
        var (draft, source, assets, rendered, failure) = prepared;
        if (rendered is null)
        {
            stderr.WriteLine(failure);
            return false;
        }
        // The parser's problems, then the renderer's (when the draft got that far), as `hiia check` prints them.
        Print(rendered.Diagnostics, stderr);
        if (rendered.Pdf is not { } pdf) return false;

        var revision = Convert.ToHexStringLower(SHA256.HashData(source));
        var request = PublicationRequest.FromDraft(rendered.Perspective!, pdf, rendered.PageCount, revision,
            _time.GetUtcNow(), assets, draft);
        var result = await publisher.PublishAsync(request, store, CancellationToken.None);
        Print(result.Diagnostics, stderr);
        if (!result.Published) return false;
        stdout.WriteLine($"{draft}: {Describe(result.Outcome)} as {result.Entry!.LandingPath} ({result.WrittenPaths.Count} files written).");
        return true;
    }

    private static ISiteStore OpenStore(PublishCommandOptions options) =>
        options.SiteFolder is not null ? new LocalFolderSiteStore(options.SiteFolder)
        : options.ConnectionString is not null ? BlobSiteStore.FromConnectionString(options.ConnectionString)
        : BlobSiteStore.FromAccountUrl(options.AccountUrl!);

    private static void WhereToOpen(PublishCommandOptions options, ISiteStore store, TextWriter stdout)
    {
        if (store is LocalFolderSiteStore folder)
            stdout.WriteLine($"Open {new Uri(folder.FullPathOf(SitePaths.ListingPage(null, 1))).AbsoluteUri} in a browser.");
        else
            stdout.WriteLine("Published to the $web container: open the storage account's static website address (its primary web endpoint).");
    }

    private static string Describe(PublishOutcome outcome) => outcome switch
    {
        PublishOutcome.FirstPublication => "published",
        PublishOutcome.Correction => "corrected",
        _ => "already published, site brought up to date",
    };

    private static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter stderr)
    {
        foreach (var diagnostic in diagnostics) stderr.WriteLine(diagnostic);
    }

    private static void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("Usage: hiia publish FILE|FOLDER (--site DIR | --storage CONNECTION_STRING | --account-url URL)");
        writer.WriteLine("  --site DIR             publish into a folder that opens from disk in a browser");
        writer.WriteLine("  --storage CONNECTION   publish into the $web container of a storage account (e.g. Azurite)");
        writer.WriteLine("  --account-url URL      the same, signing in with DefaultAzureCredential");
    }
}

/// <summary>The parsed command line of `hiia publish`: the input and exactly one destination.</summary>
public sealed record PublishCommandOptions(string Input, string? SiteFolder, string? ConnectionString, Uri? AccountUrl)
{
    public static PublishCommandOptions? Parse(IReadOnlyList<string> args, out string error)
    {
        string? input = null, site = null, storage = null, accountUrl = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--site" or "--storage" or "--account-url")
            {
                if (i + 1 >= args.Count) { error = $"{arg} needs a value."; return null; }
                var value = args[++i];
                if (arg == "--site") site = value;
                else if (arg == "--storage") storage = value;
                else accountUrl = value;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal)) { error = $"unknown option '{arg}'."; return null; }
            else if (input is null) input = arg;
            else { error = $"give one FILE or FOLDER, not also '{arg}'."; return null; }
        }
        error = "";
        if (input is null) { error = "say which draft file or folder to publish."; return null; }
        if (new[] { site, storage, accountUrl }.Count(v => v is not null) != 1)
        {
            error = "say where to publish: exactly one of --site DIR, --storage CONNECTION_STRING or --account-url URL.";
            return null;
        }
        Uri? url = null;
        if (accountUrl is not null && (!Uri.TryCreate(accountUrl, UriKind.Absolute, out url) || url.Scheme != Uri.UriSchemeHttps))
        {
            error = $"--account-url must be an https address such as https://ACCOUNT.blob.core.windows.net, not '{accountUrl}'.";
            return null;
        }
        return new PublishCommandOptions(input, site, storage, url);
    }

    /// <summary>The input file, or every *.md under the input folder in ordinal order.</summary>
    public IReadOnlyList<string> DraftFiles() =>
        File.Exists(Input) || Directory.Exists(Input)
            ? DraftFinder.Find([Input], Directory.GetCurrentDirectory()).Select(d => d.DisplayPath).ToArray()
            : [];
}
