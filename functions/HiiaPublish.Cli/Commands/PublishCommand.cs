using System.CommandLine;
using ParseResult = HiiaPublish.Format.ParseResult;
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

    public string Details => """
        Each draft is checked, rendered and published, in path order. Each paper published is reported on
        standard output, then where to open the site; problems go to standard error.

        Exit code: 0 all published, 1 some stopped by errors, 2 wrong usage.
        """;

    public Command Define()
    {
        var input = CommandLine.PathsArgument("FILE|FOLDER",
            "one draft, or a folder whose drafts (every *.md below it but README.md) are published in path order");
        var site = new Option<string?>("--site") { Description = "publish into this folder; it opens from disk in a browser", HelpName = "DIR" };
        var storage = new Option<string?>("--storage") { Description = "publish into the $web container of this storage account (e.g. Azurite)", HelpName = "CONNECTION_STRING" };
        var accountUrl = new Option<string?>("--account-url") { Description = "the same, signing in with DefaultAzureCredential", HelpName = "URL" };
        var command = new Command(Name, Summary) { input, site, storage, accountUrl };
        command.Validators.Add(result =>
        {
            if (PublishCommandOptions.Validate(CommandLine.GivenPaths(result, input), CommandLine.GivenValue(result, site), CommandLine.GivenValue(result, storage),
                    CommandLine.GivenValue(result, accountUrl), out var error) is null)
                result.AddError(error);
        });
        // The native tool never gets here (FullTool hands publish over first); the constant lets the native compiler
        // leave out the site publisher and the Azure SDK behind it.
        command.SetAction(parsed => !FullTool.InThisProcess ? FullTool.NotInTheNativeTool(Name, parsed.InvocationConfiguration.Error) : RunAsync(
            PublishCommandOptions.Validate(parsed.GetValue(input)!, parsed.GetValue(site), parsed.GetValue(storage), parsed.GetValue(accountUrl), out _)!,
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private async Task<int> RunAsync(PublishCommandOptions options, TextWriter stdout, TextWriter stderr)
    {
        var drafts = options.DraftFiles();
        if (drafts.Count == 0)
        {
            stderr.WriteLine($"hiia publish: no draft (*.md) found at '{options.Input}'.");
            return CommandLine.InputHasErrors;
        }

        ISiteStore store;
        try
        {
            store = OpenStore(options);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            stderr.WriteLine($"hiia publish: --storage is not a storage connection string ({e.Message.TrimEnd('.')}). " +
                "Copy it whole from the storage account's Access keys page, or use Azurite's (see docs/workflow.md).");
            return CommandLine.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"hiia publish: {FileProblem.Sentence(e, $"the site folder {options.SiteFolder}", writing: true)}");
            return CommandLine.InputHasErrors;
        }
        var publisher = new SitePublisher(SiteRenderer.Load(TemplatesLocator.Find()));
        var failed = false;
        var published = 0;
        var written = new List<string>();
        // Drafts are checked and rendered ahead, one per core, while earlier ones are published: publishing goes one
        // paper at a time in the drafts' order (the catalogue and listings change with each), rendering need not.
        foreach (var prepared in RenderAhead.Start(drafts, PrepareAsync))
        {
            var paths = await PublishOneAsync(await prepared, publisher, store, stdout, stderr);
            failed |= paths is null;
            published += paths is null ? 0 : 1;
            written.AddRange(paths ?? []);
        }

        // Nothing published, nothing to index or open: the folder may not even exist, and the line would mislead.
        if (published > 0)
        {
            // Only the paper pages this run wrote are indexed (a segment); the whole folder only when it has no index
            // yet or its segments passed their bound. A failed index leaves search as it was and the papers published.
            if (store is LocalFolderSiteStore site)
                stdout.WriteLine((await HiiaPublish.Site.Search.SegmentedSearchIndex.UpdateAsync(site.RootDirectory, written)).Message + ".");
            WhereToOpen(options, store, stdout);
        }
        else stderr.WriteLine($"hiia publish: nothing was published; fix the problems above and run it again.");
        return failed ? CommandLine.InputHasErrors : CommandLine.Ok;
    }

    /// <summary>
    /// A draft read, checked and rendered, waiting for its turn to be published; <paramref name="Failure"/> says why
    /// there is no <paramref name="Rendered"/> when HiiaPublish itself failed on it.
    /// </summary>
    private sealed record PreparedDraft(string Draft, byte[] Source, FolderDraftAssets Assets, DraftRenderResult? Rendered, string? Failure);

    private async Task<PreparedDraft> PrepareAsync(string draft)
    {
        var assets = new FolderDraftAssets(Path.GetDirectoryName(Path.GetFullPath(draft))!);
        byte[] source;
        try
        {
            source = await InputFile.ReadAllBytesAsync(draft, InputFile.DraftReadLimit).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PreparedDraft(draft, [], assets, null, $"{draft}: not published; {FileProblem.Sentence(e, draft)}");
        }
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

    /// <summary>The site paths written for the draft, or null when it was not published.</summary>
    private async Task<IReadOnlyList<string>?> PublishOneAsync(PreparedDraft prepared, SitePublisher publisher, ISiteStore store, TextWriter stdout, TextWriter stderr)
    {
        var (draft, source, assets, rendered, failure) = prepared;
        if (rendered is null)
        {
            stderr.WriteLine(failure);
            return null;
        }
        // The parser's problems, then the renderer's (when the draft got that far), as `hiia check` prints them.
        Print(rendered.Diagnostics, stderr);
        if (rendered.Pdf is not { } pdf) return null;

        var revision = Convert.ToHexStringLower(SHA256.HashData(source));
        var request = PublicationRequest.FromDraft(rendered.Perspective!, pdf, rendered.PageCount, revision,
            _time.GetUtcNow(), assets, draft);
        PublishResult result;
        try
        {
            result = await publisher.PublishAsync(request, store, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{draft}: not published; {FileProblem.Sentence(e, DestinationOf(store), writing: true)}");
            return null;
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            // The storage account refused us or could not be reached: said once per draft, and nothing half-written
            // is shown as published.
            stderr.WriteLine($"{draft}: not published; the site's storage did not accept it ({FirstLine(Innermost(e).Message)}). " +
                "Check the --storage connection string or the --account-url, that the account is reachable, and that you are " +
                "signed in (az login) as someone with Storage Blob Data Contributor on it.");
            return null;
        }
        Print(result.Diagnostics, stderr);
        if (!result.Published) return null;
        stdout.WriteLine($"{draft}: {Describe(result.Outcome)} as {result.Entry!.LandingPath} ({result.WrittenPaths.Count} files written).");
        return result.WrittenPaths;
    }

    private static ISiteStore OpenStore(PublishCommandOptions options) =>
        options.SiteFolder is not null ? new LocalFolderSiteStore(options.SiteFolder)
        : options.ConnectionString is not null ? BlobSiteStore.FromConnectionString(options.ConnectionString)
        : BlobSiteStore.FromAccountUrl(options.AccountUrl!);

    // The Azure SDK's own failures, and its retries' AggregateException of them.
    private static bool IsStorageFailure(Exception e) =>
        e is global::Azure.RequestFailedException or global::Azure.Identity.AuthenticationFailedException
        || (e is AggregateException all && all.InnerExceptions.Count > 0 && all.InnerExceptions.All(IsStorageFailure));

    private static Exception Innermost(Exception e) => e is AggregateException all ? Innermost(all.InnerExceptions[0]) : e;

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim().TrimEnd('.');

    private static string DestinationOf(ISiteStore store) =>
        store is LocalFolderSiteStore folder
            ? $"the site folder {Path.GetDirectoryName(folder.FullPathOf(SitePaths.ListingPage(null, 1)))}"
            : "the site's storage";

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
}

/// <summary>The parsed command line of `hiia publish`: the input and exactly one destination.</summary>
public sealed record PublishCommandOptions(string Input, string? SiteFolder, string? ConnectionString, Uri? AccountUrl)
{
    /// <summary>The options, or null with the reason when they do not make one publication.</summary>
    public static PublishCommandOptions? Validate(IReadOnlyList<string> inputs, string? site, string? storage, string? accountUrl, out string error)
    {
        error = "";
        if (inputs.Count == 0) { error = "say which draft file or folder to publish."; return null; }
        if (inputs.Count > 1) { error = $"give one FILE or FOLDER, not also '{inputs[1]}'."; return null; }
        var input = inputs[0];
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
