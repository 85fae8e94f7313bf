using System.Text;
using System.Text.Json;
using HiiaPublish.Azure.Http;
using HiiaPublish.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HiiaPublish.Cli.Commands;

/// <summary>
/// The review desk in `hiia serve`: the page at /review/, the two read endpoints it needs (/api/me and a
/// revision's source), and, because a laptop has no identity provider, a local sign-in: the form at
/// /review/dev-sign-in.html (or the same URL with ?name=…&amp;roles=…) stores the chosen person in a cookie,
/// and requests to /api that carry that cookie but no principal header get the header made from it.
/// </summary>
public static class ReviewDeskEndpoints
{
    public const string DeskPath = "/review/";
    public const string PrincipalCookie = "hiia-dev-principal";
    private static readonly string[] KnownRoles = [WorkflowPrincipal.EditorRole, WorkflowPrincipal.CopyEditorRole];

    public static void Map(WebApplication app)
    {
        var assets = ReviewDeskAssets.FromTemplates();
        app.Use(PrincipalFromCookie);

        // Routing treats "/review" and "/review/" alike; only the first needs the redirect to the page's folder.
        app.MapGet("/review", (HttpRequest r) => r.Path.Value!.EndsWith('/') ? assets.Serve(null) : ReviewDeskAssets.RedirectToRoot(r.Path.Value!));
        app.MapGet(DeskPath + ReviewDeskAssets.DevSignInFile, (HttpRequest r) => DevSignIn(r, assets));
        app.MapGet(DeskPath + "{**path}", (string? path) => assets.Serve(path, includeDevSignIn: true));
        app.MapGet("/api/me", (HttpRequest r, ReviewDeskApi api) => api.Me(r));
        app.MapGet("/api/drafts/{slug}/revisions/{revision}/source", (HttpRequest r, string slug, string revision, ReviewDeskApi api, CancellationToken ct) =>
            api.SourceAsync(r, slug, revision, ct));
    }

    /// <summary>Where the desk sends people to sign in, out and to switch who they are: all the local form.</summary>
    public static readonly ReviewDeskSignIn LocalSignIn =
        new($"{DeskPath}{ReviewDeskAssets.DevSignInFile}", $"{DeskPath}{ReviewDeskAssets.DevSignInFile}?sign-out=1", $"{DeskPath}{ReviewDeskAssets.DevSignInFile}");

    /// <summary>Only for /api: a header the developer sent themselves (curl) always wins over the cookie.</summary>
    private static Task PrincipalFromCookie(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") && !request.Headers.ContainsKey(ClientPrincipalReader.HeaderName)
            && request.Cookies.TryGetValue(PrincipalCookie, out var principal) && !string.IsNullOrEmpty(principal))
            request.Headers[ClientPrincipalReader.HeaderName] = principal;
        return next(context);
    }

    private static IResult DevSignIn(HttpRequest request, ReviewDeskAssets assets)
    {
        if (request.Query.ContainsKey("sign-out"))
        {
            request.HttpContext.Response.Cookies.Delete(PrincipalCookie, new CookieOptions { Path = "/" });
            return Results.Redirect(DeskPath + ReviewDeskAssets.DevSignInFile);
        }
        var name = request.Query["name"].ToString().Trim();
        if (name.Length == 0) return assets.Serve(ReviewDeskAssets.DevSignInFile, includeDevSignIn: true);
        var roles = request.Query["roles"].SelectMany(r => (r ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(r => KnownRoles.Contains(r, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();
        // Bounded like any claim: a name is for display and as the local id, not a document.
        if (name.Length > 64) name = name[..64];
        request.HttpContext.Response.Cookies.Append(PrincipalCookie, Encode(name, roles),
            new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
        return Results.Redirect(DeskPath);
    }

    /// <summary>The principal in App Service Authentication's shape (Base64 JSON), the same one curl users send.</summary>
    public static string Encode(string name, IEnumerable<string> roles)
    {
        var claims = new List<object> { new { typ = "oid", val = name }, new { typ = "name", val = name } };
        claims.AddRange(roles.Select(role => new { typ = "roles", val = role }));
        var json = JsonSerializer.Serialize(new { claims, name_typ = "name", role_typ = "roles" });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
