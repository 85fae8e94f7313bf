using HiiaPublish.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace HiiaPublish.Azure.Http;

public sealed partial class DraftsApi
{
    private const string Markdown = "text/markdown";
    private static readonly string[] ImageTypes = ["image/jpeg", "image/png"];

    /// <summary>
    /// `POST /api/drafts`: a `text/markdown` body (file name in `?file=`), or `multipart/form-data` with exactly
    /// one Markdown part and its images. Answers 202 with the revision (queued for rendering) or 422 with the
    /// diagnostics of an invalid draft; both say where the draft is (Location).
    /// </summary>
    public Task<ApiResult> UploadAsync(HttpRequest request, CancellationToken cancellationToken) => GuardAsync(request, async () =>
    {
        var (principal, refusal) = Who(request);
        if (refusal is not null) return refusal;
        if (principal is null) return ProblemResults.From(new WorkflowProblem(ProblemKind.Unauthorized, "Sign-in required",
            "Sign in with your institute account; the request carried no identity the app trusts."));
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
            return UnsupportedType();

        var body = await RequestLimits.ReadBodyAsync(request, RequestLimits.MaxUploadBytes, cancellationToken);
        if (body is null)
            return ApiResult.Problem(413, "Upload too large", $"A draft with its images is at most {RequestLimits.MaxUploadBytes / (1024 * 1024)} MB; make the images smaller.");

        var files = type.MediaType.Equals(Markdown, StringComparison.OrdinalIgnoreCase)
            ? SingleMarkdown(request, body)
            : type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                ? await ReadMultipartAsync(type, body, cancellationToken)
                : new Parts(null, UnsupportedType());
        if (files.Refusal is not null) return files.Refusal;

        var result = await workflow.UploadAsync(files.Draft!, principal, cancellationToken);
        if (result.Problem is not null) return ProblemResults.From(result.Problem);
        var record = result.Value!;
        return record.State == RevisionState.Invalid
            ? ApiResult.Problem(422, "The draft has errors", "Fix the problems listed in 'diagnostics' and upload the draft again.",
                record.Diagnostics, record.Slug, record.Revision, LocationOf(record))
            : ApiResult.Json(202, record, LocationOf(record));
    });

    private sealed record Parts(DraftFiles? Draft, ApiResult? Refusal);

    private static Parts SingleMarkdown(HttpRequest request, byte[] body)
    {
        var name = request.Query["file"].Count == 1 ? request.Query["file"][0]! : "draft.md";
        return MarkdownNameProblem(name) is { } problem ? new Parts(null, problem) : new Parts(new DraftFiles(name, body, []), null);
    }

    // The body is already in memory, so an IOException here can only mean the multipart framing is broken.
    private static async Task<Parts> ReadMultipartAsync(MediaTypeHeaderValue type, byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            return await MultipartAsync(type, body, cancellationToken);
        }
        catch (IOException e)
        {
            return new Parts(null, ProblemResults.BadRequest("The multipart body is malformed: " + e.Message));
        }
    }

    private static async Task<Parts> MultipartAsync(MediaTypeHeaderValue type, byte[] body, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 200)
            return new Parts(null, ProblemResults.BadRequest("The multipart body has no usable boundary."));
        var reader = new MultipartReader(boundary, new MemoryStream(body)) { HeadersCountLimit = 16, HeadersLengthLimit = 8 * 1024 };
        string? markdownName = null;
        byte[]? markdown = null;
        var images = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var count = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (++count > RequestLimits.MaxParts)
                return new Parts(null, ApiResult.Problem(413, "Too many files", $"Send at most {RequestLimits.MaxParts} files with one draft."));
            var name = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? HeaderUtilities.RemoveQuotes(disposition.Name).Value
                : null;
            if (DraftNames.FileNameProblem(name) is { } nameProblem) return new Parts(null, ProblemResults.BadRequest(nameProblem));
            if (!MediaTypeHeaderValue.TryParse(section.ContentType, out var partType)) return new Parts(null, UnsupportedType());
            using var content = new MemoryStream();
            await section.Body.CopyToAsync(content, cancellationToken);
            var bytes = content.ToArray();
            var media = partType.MediaType.Value ?? "";
            if (media.Equals(Markdown, StringComparison.OrdinalIgnoreCase))
            {
                if (markdown is not null) return new Parts(null, ProblemResults.BadRequest("Send exactly one Markdown file per upload."));
                if (MarkdownNameProblem(name!) is { } problem) return new Parts(null, problem);
                (markdownName, markdown) = (name, bytes);
            }
            else if (ImageTypes.Contains(media, StringComparer.OrdinalIgnoreCase))
            {
                if (!LooksLike(media.ToLowerInvariant(), bytes))
                    return new Parts(null, ApiResult.Problem(415, "Not an image", $"'{DraftNames.Shown(name!)}' is sent as {media} but its bytes are not a {media} image."));
                if (!images.TryAdd(name!, bytes)) return new Parts(null, ProblemResults.BadRequest($"'{DraftNames.Shown(name!)}' is sent twice."));
            }
            else return new Parts(null, UnsupportedType());
        }
        if (markdown is null) return new Parts(null, ProblemResults.BadRequest("The upload has no text/markdown part: send the draft itself with its images."));
        if (images.ContainsKey(markdownName!)) return new Parts(null, ProblemResults.BadRequest($"'{DraftNames.Shown(markdownName!)}' is sent twice."));
        return new Parts(new DraftFiles(markdownName!, markdown, images), null);
    }

    private static ApiResult? MarkdownNameProblem(string name) =>
        DraftNames.FileNameProblem(name) is { } problem ? ProblemResults.BadRequest(problem)
        : name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? null
        : ProblemResults.BadRequest($"The draft's file name must end in .md, not '{DraftNames.Shown(name)}'.");

    // The declared type must match the bytes: a PNG starts with its 8-byte signature, a JPEG with FF D8 FF.
    private static bool LooksLike(string media, byte[] bytes) => media == "image/png"
        ? bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        : bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);

    private static ApiResult UnsupportedType() => ApiResult.Problem(415, "Unsupported content type",
        "Upload a draft as text/markdown, or as multipart/form-data whose parts are text/markdown, image/jpeg or image/png.");
}
