using System.Net.Http.Headers;
using HiiaPublish.Workflow;

namespace HiiaPublish.Functions.Tests.Support;

/// <summary>Multipart bodies as a browser or `curl -F` sends them.</summary>
public static class Uploads
{
    public static (byte[] Body, string ContentType) Multipart(DraftFiles files) =>
        Multipart([(files.SourceFile, "text/markdown", files.Source), .. files.Assets.Select(a => (a.Key, TypeOf(a.Key), a.Value))]);

    public static (byte[] Body, string ContentType) Multipart(IEnumerable<(string Name, string Type, byte[] Bytes)> parts)
    {
        using var content = new MultipartFormDataContent("hiia-test-boundary");
        foreach (var (name, type, bytes) in parts)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            content.Add(part, "files", name);
        }
        return (content.ReadAsByteArrayAsync().GetAwaiter().GetResult(), content.Headers.ContentType!.ToString());
    }

    private static string TypeOf(string name) => name.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg";
}
