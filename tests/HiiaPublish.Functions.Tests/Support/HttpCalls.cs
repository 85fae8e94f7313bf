using System.Text;
using System.Text.Json;
using HiiaPublish.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace HiiaPublish.Functions.Tests.Support;

/// <summary>Requests as the Functions host hands them over (DefaultHttpContext), and answers as a client reads them.</summary>
public static class HttpCalls
{
    public static HttpRequest Request(string method, byte[]? body = null, string? contentType = null, string? principalHeader = null,
        string? query = null, long? declaredLength = null)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = method;
        request.Scheme = "https";
        request.Host = new HostString("hiia.example");
        if (query is not null) request.QueryString = new QueryString(query);
        request.Body = new MemoryStream(body ?? []);
        request.ContentLength = declaredLength ?? body?.Length;
        if (contentType is not null) request.ContentType = contentType;
        if (principalHeader is not null) request.Headers[ClientPrincipalReader.HeaderName] = principalHeader;
        context.Response.Body = new MemoryStream();
        return request;
    }

    public static HttpRequest Json(string method, object body, string? principalHeader) =>
        Request(method, JsonSerializer.SerializeToUtf8Bytes(body), "application/json", principalHeader);

    public static async Task<Answer> ExecuteAsync(HttpRequest request, IActionResult result)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        var bytes = ((MemoryStream)context.Response.Body).ToArray();
        return new Answer(context.Response.StatusCode, context.Response.ContentType, bytes,
            context.Response.Headers.Location.ToString());
    }
}

public sealed record Answer(int Status, string? ContentType, byte[] Body, string Location)
{
    public string Text => Encoding.UTF8.GetString(Body);
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    public bool IsProblem => ContentType == ApiResult.ProblemContentType;
    public override string ToString() => $"{Status} {ContentType}: {(Body.Length > 2000 ? Text[..2000] : Text)}";
}
