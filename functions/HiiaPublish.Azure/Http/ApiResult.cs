using System.Text.Json;
using HiiaPublish.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace HiiaPublish.Azure.Http;

/// <summary>
/// One answer of the HTTP API: status, content type, headers and bytes. It is both an MVC action result (what
/// the Functions ASP.NET Core integration runs) and a minimal-API result (what `hiia serve` runs), so both hosts
/// send the same bytes.
/// </summary>
public sealed class ApiResult(int status, string? contentType, byte[] body, IReadOnlyDictionary<string, string>? headers = null) : IActionResult, IResult
{
    public const string ProblemContentType = "application/problem+json";

    public int Status => status;
    public string? ContentType => contentType;
    public byte[] Body => body;
    public IReadOnlyDictionary<string, string> Headers => headers ?? new Dictionary<string, string>();

    public static ApiResult Json(int status, object value, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, WorkflowJson.Options), headers);

    public static ApiResult Problem(int status, string title, string detail, IReadOnlyList<DiagnosticView>? diagnostics = null,
        string? slug = null, string? revision = null, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, ProblemContentType, JsonSerializer.SerializeToUtf8Bytes(new ProblemBody(
            $"https://hiia.hu/problems/{status}", title, status, detail, diagnostics, slug, revision), WorkflowJson.Options), headers);

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        if (contentType is not null) response.ContentType = contentType;
        foreach (var (name, value) in Headers) response.Headers[name] = value;
        // Answers are never cached by intermediaries: they carry drafts and workflow state.
        response.Headers.CacheControl = "no-store";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    private sealed record ProblemBody(string Type, string Title, int Status, string Detail, IReadOnlyList<DiagnosticView>? Diagnostics,
        string? Slug, string? Revision);
}
