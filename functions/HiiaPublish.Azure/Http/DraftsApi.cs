using System.Text.Json;
using HiiaPublish.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace HiiaPublish.Azure.Http;

/// <summary>
/// The workflow's HTTP API, written once for both hosts (the Functions app and `hiia serve`): reads and checks
/// the request, calls <see cref="WorkflowService"/>, answers JSON or problem+json. Nothing here decides
/// workflow rules; no input reaches storage before it passed the checks.
/// </summary>
public sealed partial class DraftsApi(WorkflowService workflow, ClientPrincipalReader principals, ILogger<DraftsApi> logger)
{
    public Task<ApiResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) => GuardAsync(request, async () =>
    {
        var (principal, refusal) = Who(request);
        if (refusal is not null) return refusal;
        var result = await workflow.ListDraftSummariesAsync(principal, cancellationToken);
        return result.Problem is not null ? ProblemResults.From(result.Problem) : ApiResult.Json(200, new { drafts = result.Value });
    });

    /// <summary>`GET /api/drafts/{slug}/history`: the paper's timeline, oldest first.</summary>
    public Task<ApiResult> HistoryAsync(HttpRequest request, string slug, CancellationToken cancellationToken) => GuardAsync(request, async () =>
    {
        var (principal, refusal) = Who(request);
        if (refusal is not null) return refusal;
        var result = await workflow.GetHistoryAsync(slug, principal, cancellationToken);
        return result.Problem is not null ? ProblemResults.From(result.Problem)
            : ApiResult.Json(200, new { slug, events = result.Value!.Select(HistoryLine.Of) });
    });

    /// <summary>`GET …/revisions/{rev}/text`: the revision's readable text blocks from the parsed model.</summary>
    public Task<ApiResult> TextAsync(HttpRequest request, string slug, string revision, CancellationToken cancellationToken) => GuardAsync(request, async () =>
    {
        var (principal, refusal) = Who(request);
        if (refusal is not null) return refusal;
        var result = await workflow.GetTextAsync(slug, revision, principal, cancellationToken);
        return result.Problem is not null ? ProblemResults.From(result.Problem) : ApiResult.Json(200, result.Value!);
    });

    /// <summary>`POST …/revisions/{rev}/replies` with {comment}: a message in the thread of a request for changes.</summary>
    public Task<ApiResult> ReplyAsync(HttpRequest request, string slug, string revision, CancellationToken cancellationToken) => GuardAsync(request, async () =>
    {
        var (principal, refusal) = Who(request);
        if (refusal is not null) return refusal;
        var body = await ReadJsonObjectAsync(request, cancellationToken);
        if (body.Refusal is not null) return body.Refusal;
        if (!TryGetString(body.Root, "comment", out var comment, out var typeProblem)) return typeProblem!;
        var result = await workflow.ReplyAsync(slug, revision, comment, principal, cancellationToken);
        return Answer(result);
    });

    /// <summary>One event of the timeline as the API shows it: flat, with the revision's number and the person's name.</summary>
    private sealed record HistoryLine(string Kind, DateTimeOffset At, string Revision, int Number, string? By, string? ById, string? Comment,
        int? Pages, string? PdfSha256, string? PublicPath, int? Problems, string? Reason)
    {
        public static HistoryLine Of(HistoryEntry entry)
        {
            var e = entry.Event;
            return new HistoryLine(System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(e.Kind.ToString()), e.At, entry.Revision, entry.Number,
                e.ByName ?? e.ById, e.ById, e.Comment, e.Pages, e.PdfSha256, e.PublicPath, e.Problems, e.Reason);
        }
    }

    public Task<ApiResult> GetAsync(HttpRequest request, string slug, CancellationToken cancellationToken) => GuardAsync(request, async () =>
    {
        var (principal, refusal) = Who(request);
        if (refusal is not null) return refusal;
        var result = await workflow.GetDraftAsync(slug, principal, cancellationToken);
        return result.Problem is not null ? ProblemResults.From(result.Problem) : ApiResult.Json(200, result.Value!);
    });

    public Task<ApiResult> PreviewAsync(HttpRequest request, string slug, string revision, CancellationToken cancellationToken) => GuardAsync(request, async () =>
    {
        var (principal, refusal) = Who(request);
        if (refusal is not null) return refusal;
        var result = await workflow.GetPreviewAsync(slug, revision, principal, cancellationToken);
        return result.Problem is not null ? ProblemResults.From(result.Problem)
            : new ApiResult(200, "application/pdf", result.Value!, new Dictionary<string, string>
            {
                ["Content-Disposition"] = $"inline; filename=\"{slug}-{revision[..12]}.pdf\"",
                ["X-Content-Type-Options"] = "nosniff",
            });
    });

    public Task<ApiResult> ApproveAsync(HttpRequest request, string slug, string revision, CancellationToken cancellationToken) => GuardAsync(request, async () =>
    {
        var (principal, refusal) = Who(request);
        if (refusal is not null) return refusal;
        var body = await ReadJsonObjectAsync(request, cancellationToken);
        if (body.Refusal is not null) return body.Refusal;
        if (!TryGetString(body.Root, "pdfSha256", out var sha, out var typeProblem)) return typeProblem!;
        var result = await workflow.ApproveAsync(slug, revision, sha, principal, cancellationToken);
        return Answer(result);
    });

    public Task<ApiResult> RequestChangesAsync(HttpRequest request, string slug, string revision, CancellationToken cancellationToken) => GuardAsync(request, async () =>
    {
        var (principal, refusal) = Who(request);
        if (refusal is not null) return refusal;
        var body = await ReadJsonObjectAsync(request, cancellationToken);
        if (body.Refusal is not null) return body.Refusal;
        if (!TryGetString(body.Root, "comment", out var comment, out var typeProblem)) return typeProblem!;
        var result = await workflow.RequestChangesAsync(slug, revision, comment, principal, cancellationToken);
        return Answer(result);
    });

    public static ApiResult Health() => ApiResult.Json(200, new { status = "healthy" });

    private static ApiResult Answer(WorkflowResult<RevisionRecord> result) =>
        result.Problem is not null ? ProblemResults.From(result.Problem)
        : ApiResult.Json(202, result.Value!, LocationOf(result.Value!));

    private static Dictionary<string, string> LocationOf(RevisionRecord record) =>
        new() { ["Location"] = $"/api/drafts/{record.Slug}" };

    private (WorkflowPrincipal? Principal, ApiResult? Refusal) Who(HttpRequest request) =>
        principals.Read(request) switch
        {
            null => (null, null),
            { Problem: { } problem } => (null, ProblemResults.From(problem)),
            { Value: var principal } => (principal, null),
        };

    private sealed record JsonBody(JsonElement Root, ApiResult? Refusal);

    private static async Task<JsonBody> ReadJsonObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            return new JsonBody(default, ApiResult.Problem(415, "JSON expected", "Send the body as application/json."));
        var bytes = await RequestLimits.ReadBodyAsync(request, RequestLimits.MaxJsonBytes, cancellationToken);
        if (bytes is null)
            return new JsonBody(default, ApiResult.Problem(413, "Body too large", $"A review body is at most {RequestLimits.MaxJsonBytes / 1024} KB."));
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new JsonBody(document.RootElement.Clone(), null)
                : new JsonBody(default, ProblemResults.BadRequest("The body must be a JSON object."));
        }
        catch (JsonException e)
        {
            return new JsonBody(default, ProblemResults.BadRequest($"The body is not valid JSON: {e.Message}"));
        }
    }

    private static bool TryGetString(JsonElement root, string name, out string? value, out ApiResult? problem)
    {
        value = null;
        problem = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return true;
        if (element.ValueKind == JsonValueKind.String)
        {
            value = element.GetString();
            return true;
        }
        problem = ProblemResults.BadRequest($"'{name}' must be a string, not {element.ValueKind.ToString().ToLowerInvariant()}.");
        return false;
    }

    /// <summary>Malformed transport (a broken multipart body, a client that hung up) is the client's problem, a 400; anything else is ours, a 500 without details.</summary>
    private async Task<ApiResult> GuardAsync(HttpRequest request, Func<Task<ApiResult>> handle) =>
        ProblemResults.Localised(await GuardAsync(handle), request);

    private async Task<ApiResult> GuardAsync(Func<Task<ApiResult>> handle)
    {
        try
        {
            return await handle();
        }
        catch (BadHttpRequestException e)
        {
            return ApiResult.Problem(e.StatusCode is >= 400 and < 500 ? e.StatusCode : 400, "Bad request", "The request could not be read: " + e.Message);
        }
        catch (InvalidDataException e)
        {
            return ProblemResults.BadRequest("The request body is malformed: " + e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The workflow API failed unexpectedly.");
            return ApiResult.Problem(500, "Internal error", "Something went wrong on our side; try again in a minute. If it persists, tell the site's administrator.");
        }
    }
}
