using HiiaPublish.Workflow;
using Microsoft.AspNetCore.Http;

namespace HiiaPublish.Azure.Http;

/// <summary>
/// What the review desk needs beyond the drafts API: who is signed in and what they may do (so the page never
/// offers another role's buttons), and a revision's Markdown source (for problems shown with their line, and
/// the diff between revisions). Read-only; who may read a source is the workflow's rule, this only maps it.
/// </summary>
public sealed class ReviewDeskApi(ClientPrincipalReader principals, WorkflowService workflow, ReviewDeskSignIn signIn)
{
    /// <summary>`GET /api/me`: name, roles and capabilities, or 401 with where to sign in.</summary>
    public ApiResult Me(HttpRequest request)
    {
        var read = principals.Read(request);
        if (read?.Problem is { } problem) return SignInProblem(problem.Detail);
        if (read?.Value is not { } principal) return SignInProblem("Sign in with your institute account to use the review desk.");
        var readsDrafts = principal.IsEditor || principal.IsCopyEditor;
        return ApiResult.Json(200, new MeView(principal.Id, principal.Name, principal.Roles,
            new Capabilities(Upload: readsDrafts, Read: readsDrafts, Review: principal.IsCopyEditor), signIn.SignOutUrl, signIn.SwitchUserUrl));
    }

    /// <summary>`GET /api/drafts/{slug}/revisions/{rev}/source`: the Markdown as uploaded (UTF-8 bytes, unchanged).</summary>
    public async Task<ApiResult> SourceAsync(HttpRequest request, string slug, string revision, CancellationToken cancellationToken)
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

    private sealed record MeView(string Id, string Name, IReadOnlyList<string> Roles, Capabilities Capabilities, string SignOutUrl, string? SwitchUserUrl);

    private sealed record Capabilities(bool Upload, bool Read, bool Review);

    private sealed record SignInProblemBody(string Type, string Title, int Status, string Detail, string SignInUrl);
}
