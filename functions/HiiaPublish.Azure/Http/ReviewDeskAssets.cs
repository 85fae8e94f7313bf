using System.Collections.Frozen;
using HiiaPublish.Format.Branding;

namespace HiiaPublish.Azure.Http;

/// <summary>
/// The review desk's static files (templates/review: HTML, CSS, JavaScript), read once at start and served by
/// both hosts with the same headers. Only files present at start, with a known type, are ever answered, so no
/// request path reaches the file system. The desk is one page: of the folder's HTML files only index.html is
/// answered, unless a host names another page of its own (`hiia serve` its local sign-in form), so a deployed
/// app never serves a page meant for a laptop.
/// </summary>
public sealed class ReviewDeskAssets
{
    /// <summary>Where both hosts serve the desk; its relative links need the trailing slash.</summary>
    public const string DeskPath = "/review/";
    public const string FolderName = "review";
    public const string IndexFile = "index.html";
    private const string HtmlExtension = ".html";

    // Nothing outside the app itself: scripts and styles from files only (no inline code), the preview PDF from a
    // blob: URL the page made from the bytes it hashed, no plugins, no framing of the desk by other sites.
    // PDF.js runs its parser in a worker from the app's own file and loads the paper's embedded fonts from bytes.
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; " +
        "frame-src 'self' blob:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The folder below the desk that holds PDF.js and pixelmatch (copied from node_modules by the build).</summary>
    public const string VendorFolder = "vendor";

    /// <summary>Each vendor file the desk loads, and where npm puts it (the fallback when running from the repository's templates).</summary>
    public static readonly IReadOnlyDictionary<string, string> VendorFiles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pdf.min.mjs"] = "pdfjs-dist/build/pdf.min.mjs",
        ["pdf.worker.min.mjs"] = "pdfjs-dist/build/pdf.worker.min.mjs",
        ["pdfjs-LICENSE.txt"] = "pdfjs-dist/LICENSE",
        ["pixelmatch.js"] = "pixelmatch/index.js",
        ["pixelmatch-LICENSE.txt"] = "pixelmatch/LICENSE",
    };

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, (string ContentType, byte[] Bytes)> _files;

    /// <param name="otherPages">HTML files besides index.html this host serves; none in the Functions app.</param>
    public ReviewDeskAssets(string folder, IEnumerable<string>? otherPages = null)
    {
        var pages = new HashSet<string>(otherPages ?? [], StringComparer.Ordinal) { IndexFile };
        var files = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
            foreach (var path in Directory.EnumerateFiles(folder))
            {
                var (name, extension) = (Path.GetFileName(path), Path.GetExtension(path).ToLowerInvariant());
                if (extension == HtmlExtension && !pages.Contains(name)) continue;
                if (ContentTypes.TryGetValue(extension, out var type))
                    files[name] = (type, File.ReadAllBytes(path));
            }
        foreach (var (name, npmPath) in VendorFiles)
            if (VendorFile(folder, name, npmPath) is { } path)
                files[$"{VendorFolder}/{name}"] = (ContentTypes[Path.GetExtension(name)], File.ReadAllBytes(path));
        _files = files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // The build's copy beside the desk; else node_modules in a folder above it (the repository, when the templates
    // are the repository's own); else nothing, and the desk says the preview cannot be drawn.
    private static string? VendorFile(string folder, string name, string npmPath)
    {
        var copied = Path.Combine(folder, VendorFolder, name);
        if (File.Exists(copied)) return copied;
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            var installed = Path.Combine(dir.FullName, "node_modules", npmPath);
            if (File.Exists(installed)) return installed;
        }
        return null;
    }

    /// <summary>The files under the templates folder the renderer also uses.</summary>
    public static ReviewDeskAssets FromTemplates() => new(Path.Combine(TemplatesLocator.Find(), FolderName));

    public IReadOnlyCollection<string> FileNames => _files.Keys;

    /// <summary>
    /// The answer to a request for <see cref="ApiRoutes.ReviewDesk"/>, the same in both hosts: the desk's root
    /// without its trailing slash is sent to the root with it, anything else is <see cref="Serve"/>d.
    /// </summary>
    public ApiResult Answer(string requestPath, string? path) =>
        string.IsNullOrEmpty(path) && !requestPath.EndsWith('/') ? RedirectToRoot(requestPath) : Serve(path);

    /// <summary>The answer for a path below the desk's root: "" is the page itself.</summary>
    public ApiResult Serve(string? path)
    {
        var name = string.IsNullOrEmpty(path) ? IndexFile : path;
        return _files.TryGetValue(name, out var file)
            ? new ApiResult(200, file.ContentType, file.Bytes, SecurityHeaders())
            : NotFound();
    }

    /// <summary>The desk's root without its trailing slash: the page's relative links need the slash.</summary>
    public static ApiResult RedirectToRoot(string requestPath) =>
        new(308, null, [], new Dictionary<string, string> { ["Location"] = requestPath.TrimEnd('/') + "/" });

    public static IReadOnlyDictionary<string, string> SecurityHeaders() => new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
    };

    private static ApiResult NotFound() => ApiResult.Problem(404, "Not found", "The review desk has no such file; open /review/.");
}
