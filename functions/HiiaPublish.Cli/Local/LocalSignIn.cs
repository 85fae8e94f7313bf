using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using HiiaPublish.Azure.Http;
using HiiaPublish.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HiiaPublish.Cli.Local;

/// <summary>
/// Sign-in for the review desk in `hiia serve`, because a laptop has no identity provider: the form at
/// /review/dev-sign-in.html (or the same URL with ?name=…&amp;roles=…) stores the chosen person in a cookie,
/// and requests to /api that carry that cookie but no principal header get the header made from it. It lives in
/// `hiia` only: nothing deployed to Azure knows the form or the cookie (a test scans the deployed assemblies).
/// </summary>
internal static class LocalSignIn
{
    public const string PageFile = "dev-sign-in.html";
    public const string PrincipalCookie = "hiia-dev-principal";
    public const string PagePath = ReviewDeskAssets.DeskPath + PageFile;
    /// <summary>The form's route in `hiia serve`: a literal, so it wins over the desk's catch-all.</summary>
    public const string PageRoute = "review/" + PageFile;
    private static readonly string[] KnownRoles = [WorkflowPrincipal.EditorRole, WorkflowPrincipal.CopyEditorRole];

    /// <summary>Where the desk sends people to sign in, out and to switch who they are: all the local form.</summary>
    public static readonly ReviewDeskSignIn Links = new(PagePath, PagePath + "?sign-out=1", PagePath);

    /// <summary>The desk's files with the local form among them; the deployed desk serves no page but its own.</summary>
    public static ReviewDeskAssets DeskAssets(string folder) => new(folder, otherPages: [PageFile]);

    /// <summary>The middleware that turns the form's cookie into the principal header.</summary>
    public static void UsePrincipalFromCookie(WebApplication app) => app.Use(PrincipalFromCookie);

    /// <summary>Only for /api: a header the developer sent themselves (curl) always wins over the cookie.</summary>
    private static Task PrincipalFromCookie(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") && !request.Headers.ContainsKey(ClientPrincipalReader.HeaderName)
            && request.Cookies.TryGetValue(PrincipalCookie, out var principal) && !string.IsNullOrEmpty(principal))
            request.Headers[ClientPrincipalReader.HeaderName] = principal;
        return next(context);
    }

    /// <summary>`GET /review/dev-sign-in.html`: the form, or (with ?name=…&amp;roles=…) the cookie and back to the desk, or (?sign-out) no cookie.</summary>
    public static IResult Answer(HttpRequest request, ReviewDeskAssets assets)
    {
        if (request.Query.ContainsKey("sign-out"))
        {
            request.HttpContext.Response.Cookies.Delete(PrincipalCookie, new CookieOptions { Path = "/" });
            return Results.Redirect(PagePath);
        }
        var name = request.Query["name"].ToString().Trim();
        if (name.Length == 0) return assets.Serve(PageFile);
        var roles = request.Query["roles"].SelectMany(r => (r ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(r => KnownRoles.Contains(r, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();
        // Bounded like any claim: a name is for display and as the local id, not a document.
        if (name.Length > 64) name = name[..64];
        request.HttpContext.Response.Cookies.Append(PrincipalCookie, Encode(name, roles),
            new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
        return Results.Redirect(ReviewDeskAssets.DeskPath);
    }

    /// <summary>The principal in App Service Authentication's shape (Base64 JSON), the same one curl users send.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = NativeAot.OnlyInTheFullBuild)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = NativeAot.OnlyInTheFullBuild)]
    public static string Encode(string name, IEnumerable<string> roles)
    {
        var claims = new List<object> { new { typ = "oid", val = name }, new { typ = "name", val = name } };
        claims.AddRange(roles.Select(role => new { typ = "roles", val = role }));
        var json = JsonSerializer.Serialize(new { claims, name_typ = "name", role_typ = "roles" });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
