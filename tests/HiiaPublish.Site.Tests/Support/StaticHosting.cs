using Microsoft.Playwright;

namespace HiiaPublish.Site.Tests.Support;

/// <summary>
/// A site folder served as static hosting serves it (every file as it is, from one origin, a folder's index.html for
/// its address, 404.html for anything missing), through Playwright's routing, so no server process is needed.
/// </summary>
internal static class StaticHosting
{
    public const string Origin = "http://site.test/";

    public static Task ServeAsync(IBrowserContext context, string folder) =>
        context.RouteAsync(Origin + "**", async route =>
        {
            var path = Uri.UnescapeDataString(new Uri(route.Request.Url).AbsolutePath.TrimStart('/'));
            var file = Path.Combine(folder, path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path);
            if (File.Exists(file)) await route.FulfillAsync(new RouteFulfillOptions { Path = file });
            else await route.FulfillAsync(new RouteFulfillOptions { Status = 404, Path = Path.Combine(folder, "404.html") });
        });
}
