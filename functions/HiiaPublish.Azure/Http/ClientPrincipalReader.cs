using System.Text;
using System.Text.Json;
using HiiaPublish.Workflow;
using Microsoft.AspNetCore.Http;

namespace HiiaPublish.Azure.Http;

/// <summary>
/// Reads the App Service Authentication (Easy Auth) principal from `X-MS-CLIENT-PRINCIPAL` (Base64 JSON with
/// claims, name_typ and role_typ). The platform strips that header from incoming requests and sets it itself,
/// so it is trusted only when the platform says authentication is on (WEBSITE_AUTH_ENABLED) or a developer
/// turned on Hiia:TrustClientPrincipalHeaderForLocalDevelopment; otherwise anyone could forge it.
/// </summary>
public sealed class ClientPrincipalReader(bool trustHeader)
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";
    // A real principal with a few dozen group claims is a few kilobytes; 16 KB leaves room and bounds the work.
    private const int MaxHeaderLength = 16 * 1024;
    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const string RoleClaim = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    public bool TrustsHeader => trustHeader;

    /// <summary>The principal, null when there is none (or it is not trusted), or a problem when the header is unreadable.</summary>
    public WorkflowResult<WorkflowPrincipal>? Read(HttpRequest request)
    {
        if (!trustHeader || !request.Headers.TryGetValue(HeaderName, out var values)) return null;
        var header = values.Count == 1 ? values[0] : null;
        if (header is null or { Length: 0 or > MaxHeaderLength }) return Unreadable();
        try
        {
            var bytes = Convert.FromBase64String(header);
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 8 });
            return FromJson(document.RootElement) is { } principal ? principal : Unreadable();
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or DecoderFallbackException)
        {
            return Unreadable();
        }
    }

    private static WorkflowPrincipal? FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            return null;
        var nameType = StringProperty(root, "name_typ") ?? "name";
        var roleType = StringProperty(root, "role_typ") ?? "roles";
        var pairs = new List<(string Type, string Value)>();
        foreach (var claim in claims.EnumerateArray())
        {
            if (claim.ValueKind != JsonValueKind.Object) return null;
            var type = StringProperty(claim, "typ");
            var value = StringProperty(claim, "val");
            if (type is null || value is null) return null;
            pairs.Add((type, value));
        }
        string? First(params string[] types) => pairs.FirstOrDefault(p => types.Contains(p.Type, StringComparer.Ordinal)).Value;
        var id = First(ObjectIdClaim, "oid") ?? First(nameType);
        if (string.IsNullOrWhiteSpace(id)) return null;
        var roles = pairs.Where(p => p.Type == roleType || p.Type is "roles" or RoleClaim).Select(p => p.Value)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new WorkflowPrincipal(id, First(nameType, "name") ?? id, roles);
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static WorkflowResult<WorkflowPrincipal> Unreadable() => new WorkflowProblem(ProblemKind.Unauthorized, "Unreadable sign-in",
        $"The {HeaderName} header is not a well-formed principal; sign in again through the app's login page.");
}
