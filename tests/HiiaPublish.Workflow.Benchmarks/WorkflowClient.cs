using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HiiaPublish.Workflow.Benchmarks;

/// <summary>The workflow's HTTP API as a person's browser uses it, with the local-development principal header.</summary>
public sealed class WorkflowClient(HttpClient http)
{
    // How often a waiting client asks for the state: fine enough not to blur a two-second target.
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static string Principal(string id, string role) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        claims = new[] { new { typ = "oid", val = id }, new { typ = "name", val = id }, new { typ = "roles", val = role } },
        name_typ = "name",
        role_typ = "roles",
    })));

    public static readonly string Editor = Principal("eva", "Editor");
    public static readonly string CopyEditor = Principal("csaba", "CopyEditor");

    /// <summary>Uploads one draft as multipart; returns the revision and how long the answer took.</summary>
    public async Task<(string Revision, TimeSpan Answered)> UploadAsync(IReadOnlyList<(string Name, string Type, byte[] Bytes)> files)
    {
        using var content = new MultipartFormDataContent("hiia-bench-boundary");
        foreach (var (name, type, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            content.Add(part, "files", name);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/drafts") { Content = content };
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", Editor);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        clock.Stop();
        if ((int)response.StatusCode != 202) throw new InvalidOperationException($"Upload answered {(int)response.StatusCode}: {body}");
        return (JsonDocument.Parse(body).RootElement.GetProperty("revision").GetString()!, clock.Elapsed);
    }

    public async Task<string> StateAsync(string slug, string revision)
    {
        var draft = JsonDocument.Parse(await SendAsync(HttpMethod.Get, $"api/drafts/{slug}", Editor)).RootElement;
        return draft.GetProperty("revisions").EnumerateArray().Single(r => r.GetProperty("revision").GetString() == revision).GetProperty("state").GetString()!;
    }

    /// <summary>Polls until the revision is in <paramref name="wanted"/>; throws on failed or invalid.</summary>
    public async Task WaitForAsync(string slug, string revision, string wanted, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var state = await StateAsync(slug, revision);
            if (state == wanted) return;
            if (state is "failed" or "invalid") throw new InvalidOperationException($"{slug} became {state}.");
            if (clock.Elapsed > patience) throw new TimeoutException($"{slug} was still {state} after {patience.TotalSeconds} s.");
            await Task.Delay(PollInterval);
        }
    }

    public async Task ApproveAsync(string slug, string revision)
    {
        var pdf = await SendAsync(HttpMethod.Get, $"api/drafts/{slug}/revisions/{revision}/preview.pdf", CopyEditor);
        var json = JsonSerializer.Serialize(new { pdfSha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)) });
        await SendAsync(HttpMethod.Post, $"api/drafts/{slug}/revisions/{revision}/approve", CopyEditor, json);
    }

    public async Task<bool> HealthyAsync()
    {
        try
        {
            using var response = await http.GetAsync("api/health");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task<byte[]> SendAsync(HttpMethod method, string path, string principal, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        return body;
    }
}
