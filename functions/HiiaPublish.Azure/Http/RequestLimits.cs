using Microsoft.AspNetCore.Http;

namespace HiiaPublish.Azure.Http;

/// <summary>How much the API reads, and the one way it reads a body: never past the limit, whatever Content-Length claims.</summary>
public static class RequestLimits
{
    // The limit: a paper with its images is well under 2 MB; more is a mistake or an attack.
    public const int MaxUploadBytes = 2 * 1024 * 1024;
    // An approval or a comment is a few hundred bytes of JSON; 64 KB leaves room for a long comment.
    public const int MaxJsonBytes = 64 * 1024;
    // A paper has a cover and a handful of figures; 40 parts is generous and bounds the work per request.
    public const int MaxParts = 40;

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
