using HiiaPublish.Format.Branding;
using HiiaPublish.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace HiiaPublish.Azure.Http;

/// <summary>
/// What the review desk needs beyond the drafts API: who is signed in and what they may do (so the page never
/// offers another role's buttons), and a revision's Markdown source (for problems shown with their line, and
/// the diff between revisions). Read-only; who may read a source is the workflow's rule, this only maps it.
/// </summary>
public sealed class ReviewDeskApi(ClientPrincipalReader principals, WorkflowService workflow, ReviewDeskSignIn signIn, IConfiguration? configuration = null)
{
    /// <summary>Where the desk links a published paper: this setting, else the site's public address, else the brand's.</summary>
    public const string ReaderUrlSetting = "HiiaSite:readerUrl";

    private readonly string _readerUrl = configuration?[ReaderUrlSetting] is { Length: > 0 } reader ? reader
        : configuration?["HiiaSite:publicBaseUrl"] is { Length: > 0 } site ? site
        : BrandingUrl();

    private static string BrandingUrl()
    {
        try { return BrandingLoader.Load(TemplatesLocator.Find()).SiteBaseUrl; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException) { return "/"; }
    }

    /// <summary>`GET /api/me`: name, roles and capabilities, or 401 with where to sign in.</summary>
    public ApiResult Me(HttpRequest request) => ProblemResults.Localised(MeUnlocalised(request), request);

    private ApiResult MeUnlocalised(HttpRequest request)
    {
        var read = principals.Read(request);
        if (read?.Problem is { } problem) return SignInProblem(problem.Detail);
        if (read?.Value is not { } principal) return SignInProblem("Sign in with your institute account to use the review desk.");
        var readsDrafts = principal.IsEditor || principal.IsCopyEditor;
        return ApiResult.Json(200, new MeView(principal.Id, principal.Name, principal.Roles,
            new Capabilities(Upload: readsDrafts, Read: readsDrafts, Review: principal.IsCopyEditor), signIn.SignOutUrl, signIn.SwitchUserUrl,
            _readerUrl.TrimEnd('/') + "/"));
    }

    /// <summary>`GET /api/drafts/{slug}/revisions/{rev}/source`: the Markdown as uploaded (UTF-8 bytes, unchanged).</summary>
    public async Task<ApiResult> SourceAsync(HttpRequest request, string slug, string revision, CancellationToken cancellationToken) =>
        ProblemResults.Localised(await SourceUnlocalisedAsync(request, slug, revision, cancellationToken), request);

    private async Task<ApiResult> SourceUnlocalisedAsync(HttpRequest request, string slug, string revision, CancellationToken cancellationToken)
    {
        var read = principals.Read(request);
        if (read?.Problem is { } problem) return ProblemResults.From(problem);
        var result = await workflow.GetSourceAsync(slug, revision, read?.Value, cancellationToken);
        return result.Problem switch
        {
            // Nobody signed in: the desk's 401 also says where to sign in.
            { Kind: ProblemKind.Unauthorized } unsigned => SignInProblem(unsigned.Detail),
            { } refused => ProblemResults.From(refused),
            null => new ApiResult(200, "text/markdown; charset=utf-8", result.Value!, new Dictionary<string, string> { ["X-Content-Type-Options"] = "nosniff" }),
        };
    }

    private ApiResult SignInProblem(string detail) =>
        new(401, ApiResult.ProblemContentType, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new SignInProblemBody("https://hiia.hu/problems/401", "Sign-in required", 401, detail, signIn.SignInUrl), WorkflowJson.Options));

    private sealed record MeView(string Id, string Name, IReadOnlyList<string> Roles, Capabilities Capabilities, string SignOutUrl, string? SwitchUserUrl,
        string SiteUrl);

    private sealed record Capabilities(bool Upload, bool Read, bool Review);

    private sealed record SignInProblemBody(string Type, string Title, int Status, string Detail, string SignInUrl);
}
