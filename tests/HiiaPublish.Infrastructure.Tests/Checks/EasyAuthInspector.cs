using System.Text.Json.Nodes;
using HiiaPublish.Infrastructure.Tests.Support;

namespace HiiaPublish.Infrastructure.Tests.Checks;

/// <summary>Checks App Service Authentication (authsettingsV2) in front of every function app.</summary>
public static class EasyAuthInspector
{
    /// <summary>Paths that must never be reachable without a signed-in user (the API and the review desk).</summary>
    public static readonly string[] ProtectedPaths =
    [
        "/api/drafts", "/api/drafts/policy-paper", "/api/drafts/policy-paper/revisions/abc/preview.pdf",
        "/api/drafts/policy-paper/revisions/abc/approve", "/api/openapi.json", "/review", "/review/policy-paper",
    ];

    public static IReadOnlyList<ArmResource> ReadAll(ArmTemplate template) =>
        template.ResourcesOfType("Microsoft.Web/sites/config")
            .Where(config => config.Body["name"]?.ToString().Contains("'authsettingsV2'", StringComparison.Ordinal) == true)
            .ToList();

    public static IReadOnlyList<string> Findings(ArmTemplate template)
    {
        var findings = new List<string>();
        var sites = template.ResourcesOfType("Microsoft.Web/sites").Count();
        var configs = ReadAll(template);
        if (configs.Count != sites)
        {
            findings.Add($"{sites} function app(s) but {configs.Count} authsettingsV2 configuration(s)");
        }
        foreach (var auth in configs)
        {
            Require(auth, true, findings, "platform", "enabled");
            Require(auth, true, findings, "globalValidation", "requireAuthentication");
            Require(auth, true, findings, "identityProviders", "azureActiveDirectory", "enabled");
            var action = Literal(auth, "globalValidation", "unauthenticatedClientAction")?.ToString();
            if (action is not ("Return401" or "RedirectToLoginPage"))
            {
                findings.Add($"{auth}: unauthenticated requests get '{action ?? "(unset)"}' instead of 401 or a sign-in redirect");
            }
            var excluded = (Literal(auth, "globalValidation", "excludedPaths") as JsonArray ?? []).Select(path => path!.ToString()).ToList();
            foreach (var path in ProtectedPaths)
            {
                var hole = excluded.FirstOrDefault(exclusion => Covers(exclusion, path));
                if (hole is not null)
                {
                    findings.Add($"{auth}: '{path}' is reachable without signing in (excluded path '{hole}')");
                }
            }
            var clientId = auth.Property("identityProviders", "azureActiveDirectory", "registration", "clientId")?.ToString();
            if (clientId is null || ExpressionTracer.Origin(auth.Module, clientId) != "param:authClientId")
            {
                findings.Add($"{auth}: the Entra client id does not come from the authClientId parameter ({clientId ?? "unset"})");
            }
        }
        return findings;
    }

    // Easy Auth matches an excluded path as the path itself or anything below it; a trailing '*' widens
    // it further. Treat every reading that could open a protected path as a hole.
    public static bool Covers(string exclusion, string path)
    {
        var stem = exclusion.TrimEnd('*').TrimEnd('/');
        return stem.Length == 0
            || string.Equals(path, stem, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(stem + "/", StringComparison.OrdinalIgnoreCase)
            || exclusion.EndsWith('*') && path.StartsWith(stem, StringComparison.OrdinalIgnoreCase);
    }

    private static JsonNode? Literal(ArmResource auth, params string[] path) =>
        ExpressionTracer.Resolve(auth.Module, auth.Property(path));

    private static void Require(ArmResource auth, bool expected, List<string> findings, params string[] path)
    {
        if (Literal(auth, path) is not JsonValue value || !value.TryGetValue<bool>(out var actual) || actual != expected)
        {
            findings.Add($"{auth}: {string.Join('.', path)} is not {expected.ToString().ToLowerInvariant()}");
        }
    }
}
