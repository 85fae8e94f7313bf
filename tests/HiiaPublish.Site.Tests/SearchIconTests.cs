using System.Text.RegularExpressions;
using System.Xml.Linq;
using Deque.AxeCore.Playwright;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Site.Search;
using HiiaPublish.Site.Tests.Support;
using Microsoft.Playwright;

namespace HiiaPublish.Site.Tests;

/// <summary>
/// The magnifier in Pagefind's search box under the site's Content-Security-Policy (img-src 'self', no data:):
/// Pagefind's own style sheet draws it from a data: URL, which the policy refuses (a console error and an empty
/// gap in the box), so the site's style sheet points it at the site's own assets/search-icon.svg. Served as static
/// hosting serves it, under a base path (the site is not at the host's root), each file with the content type the
/// publisher uploads it with.
/// </summary>
public class SearchIconTests(SampleSiteFixture fixture) : IClassFixture<SampleSiteFixture>, IAsyncLifetime
{
    private const string Origin = "http://site.test/";
    private const string BasePath = "publications/hiia/";
    private const string SiteRoot = Origin + BasePath;
    private BrowserSession _chromium = null!;

    public async Task InitializeAsync()
    {
        // Indexed as `hiia publish --site` indexes a folder (a base and the segment manifest the search page reads),
        // so every file the search page asks for is there and any error in the console is one.
        var folded = await SegmentedSearchIndex.FoldAsync(fixture.Site.Folder);
        Assert.True(folded.Kind == SearchUpdateKind.Folded, folded.Message);
        _chromium = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
    }

    [Theory]
    [InlineData("index.html", "ferries", "perspectives/2026/middle-corridor/", 1280, "desktop")]
    [InlineData("index.html", "ferries", "perspectives/2026/middle-corridor/", 390, "phone")]
    [InlineData("hu/index.html", "kompjáratok", "perspectives/2026/kozepso-folyoso/", 390, "phone-hu")]
    public async Task SearchFromTheHeader_ShowsTheSitesOwnIcon_WithNoConsoleErrorOrPolicyViolation(
        string startPage, string word, string expectedPaper, int width, string name)
    {
        Assert.True(fixture.Site.Search!.Built, fixture.Site.Search.Message);
        await using var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        await ServeUnderBasePathAsync(context);
        var violations = new List<string>();
        await context.ExposeBindingAsync("reportPolicyViolation", (BindingSource _, string violation) => { lock (violations) violations.Add(violation); });
        await context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => window.reportPolicyViolation(e.violatedDirective + ' refused ' + e.blockedURI + ' on ' + e.documentURI));");
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add("console: " + message.Text); };
        page.PageError += (_, message) => errors.Add("page error: " + message);
        page.Response += (_, response) => { if (response.Status >= 400) errors.Add($"HTTP {response.Status}: {response.Url}"); };

        // A page with the header's box, then the search page it leads to, as a reader goes.
        await page.GotoAsync(SiteRoot + startPage);
        await page.FillAsync("#site-search", word);
        var iconLoaded = page.WaitForResponseAsync(SiteRoot + "assets/search-icon.svg", new PageWaitForResponseOptions { Timeout = 10_000 });
        await page.PressAsync("#site-search", "Enter");
        await page.Locator(".pagefind-ui__result-link").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        var hrefs = await page.Locator(".pagefind-ui__result-link").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        Assert.Contains(hrefs, h => h.StartsWith(SiteRoot + expectedPaper, StringComparison.Ordinal));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // The icon is the site's asset, resolved under the base path, and the browser got it as an SVG.
        var icon = await IconAsync(page);
        Assert.Equal($"url(\"{SiteRoot}assets/search-icon.svg\")", icon.MaskImage);
        Assert.Equal(icon.MaskImage, icon.WebkitMaskImage);
        var loaded = await iconLoaded;
        Assert.Equal(200, loaded.Status);
        Assert.StartsWith("image/svg+xml", (await loaded.AllHeadersAsync())["content-type"], StringComparison.Ordinal);

        // Inside the text box, centred on it vertically, left of where the typed text starts.
        Assert.True(icon.Left >= icon.InputLeft + 4 && icon.Right <= icon.TextStart, $"icon {icon.Left}–{icon.Right}, box from {icon.InputLeft}, text from {icon.TextStart}");
        Assert.True(Math.Abs((icon.Top + icon.Bottom) / 2 - (icon.InputTop + icon.InputBottom) / 2) <= 1.5,
            $"icon {icon.Top}–{icon.Bottom}, box {icon.InputTop}–{icon.InputBottom}");
        Assert.InRange(icon.Right - icon.Left, 14, 24);

        // Drawn, not an empty gap: a fair share of the icon's square is ink, in the site's grey.
        var ink = await InkAsync(context, await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Clip = new Clip { X = (float)icon.Left, Y = (float)icon.Top, Width = (float)(icon.Right - icon.Left), Height = (float)(icon.Bottom - icon.Top) },
        }));
        Assert.True(ink.Share is > 0.15 and < 0.7, $"{ink.Share:P0} of the icon's square is ink");
        Assert.True(ink.Darkest is > 0x40 and < 0xA0, $"darkest ink {ink.Darkest:X2}: the site's grey, neither black nor faint");

        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
        Directory.CreateDirectory(RepositoryPaths.Output("site-search-icon"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Output("site-search-icon"), $"search-{name}.png") });
        await page.Locator("#search form").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(RepositoryPaths.Output("site-search-icon"), $"box-{name}.png") });
        // Nothing came later either (the icon's own load, the checks above).
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void TheIcon_IsAPlainSvgAmongTheSiteAssets_UploadedAsSvg_AndThePolicyStillAllowsNoDataImages()
    {
        var asset = Assert.Single(fixture.Site.Renderer.RenderAssets(), a => a.Path == SitePaths.SearchIcon);
        Assert.Equal("assets/search-icon.svg", SitePaths.SearchIcon);
        Assert.Equal(asset.Content, File.ReadAllBytes(Path.Combine(fixture.Site.Folder, SitePaths.SearchIcon)));
        Assert.StartsWith("image/svg+xml", SiteObjectPolicy.ContentTypeOf(SitePaths.SearchIcon), StringComparison.Ordinal);

        // A picture and nothing else: no script, no link to anything, a view box to scale by.
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(asset.Content)).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Name);
        Assert.NotNull(svg.Attribute("viewBox"));
        Assert.Empty(svg.Descendants(ns + "script"));
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "image" or "use" or "foreignObject");
        Assert.DoesNotContain(svg.DescendantsAndSelf().SelectMany(e => e.Attributes()), a => a.Name.LocalName == "href");

        // The style sheet links it relative to itself (assets/), so it works under any base path and from disk.
        var css = fixture.Site.Read(SitePaths.StyleSheet);
        Assert.Contains("mask-image: url(\"search-icon.svg\")", css);
        Assert.Contains("-webkit-mask-image: url(\"search-icon.svg\")", css);

        var policy = Regex.Match(fixture.Site.Read("search/index.html"), "http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"").Groups[1].Value;
        Assert.Contains("img-src 'self';", policy);
        Assert.DoesNotContain("data:", policy);
    }

    // Filled by Playwright from what the page returns, by property name.
    private sealed class IconBox
    {
        public string MaskImage { get; set; } = "";
        public string WebkitMaskImage { get; set; } = "";
        public double Left { get; set; }
        public double Right { get; set; }
        public double Top { get; set; }
        public double Bottom { get; set; }
        public double InputLeft { get; set; }
        public double InputTop { get; set; }
        public double InputBottom { get; set; }
        public double TextStart { get; set; }
    }

    /// <summary>Where the box's icon (the form's ::before) and its text box are on the page, and what draws the icon.</summary>
    private static Task<IconBox> IconAsync(IPage page) =>
        page.EvaluateAsync<IconBox>(@"() => {
            const form = document.querySelector('#search .pagefind-ui__form');
            const input = form.querySelector('.pagefind-ui__search-input');
            const before = getComputedStyle(form, '::before');
            const f = form.getBoundingClientRect(), i = input.getBoundingClientRect();
            const left = f.left + parseFloat(before.left), top = f.top + parseFloat(before.top);
            return {
                maskImage: before.maskImage, webkitMaskImage: before.webkitMaskImage,
                left, right: left + parseFloat(before.width), top, bottom: top + parseFloat(before.height),
                inputLeft: i.left, inputTop: i.top, inputBottom: i.bottom,
                textStart: i.left + parseFloat(getComputedStyle(input).paddingLeft),
            };
        }");

    private sealed class Ink
    {
        public double Share { get; set; }
        public int Darkest { get; set; }
    }

    /// <summary>
    /// The share of a screenshot's pixels that are clearly not the white of the box, and the darkest of them,
    /// decoded by the browser on a blank page of its own (the site's pages allow no data: images, rightly).
    /// </summary>
    private static async Task<Ink> InkAsync(IBrowserContext context, byte[] png)
    {
        var blank = await context.NewPageAsync();
        try
        {
            return await blank.EvaluateAsync<Ink>(@"async base64 => {
                const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
                const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
                const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
                const g = canvas.getContext('2d');
                g.drawImage(bitmap, 0, 0);
                const data = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
                let inked = 0, darkest = 255;
                for (let p = 0; p < data.length; p += 4) {
                    const grey = Math.round((data[p] + data[p + 1] + data[p + 2]) / 3);
                    if (grey < 200) inked++;
                    darkest = Math.min(darkest, grey);
                }
                return { share: inked / (data.length / 4), darkest };
            }", Convert.ToBase64String(png));
        }
        finally
        {
            await blank.CloseAsync();
        }
    }

    /// <summary>
    /// The site folder as static hosting serves it under <see cref="BasePath"/>: every file as it is, with the content
    /// type the publisher uploads it with (Pagefind's own files with the one Playwright infers), a folder's index.html
    /// for its address, 404.html for anything missing.
    /// </summary>
    private Task ServeUnderBasePathAsync(IBrowserContext context) =>
        context.RouteAsync(Origin + "**", async route =>
        {
            var path = Uri.UnescapeDataString(new Uri(route.Request.Url).AbsolutePath.TrimStart('/'));
            var folder = fixture.Site.Folder;
            if (!path.StartsWith(BasePath, StringComparison.Ordinal))
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 404, Path = Path.Combine(folder, "404.html") });
                return;
            }
            path = path[BasePath.Length..];
            if (path.Length == 0 || path.EndsWith('/')) path += "index.html";
            var file = Path.Combine(folder, path);
            if (!File.Exists(file))
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 404, Path = Path.Combine(folder, "404.html") });
                return;
            }
            await route.FulfillAsync(new RouteFulfillOptions { Path = file, ContentType = UploadedContentType(path) });
        });

    private static string? UploadedContentType(string path)
    {
        try
        {
            return SiteObjectPolicy.ContentTypeOf(path);
        }
        catch (ArgumentException)
        {
            return null; // Pagefind's index files (.pf_meta, .pagefind, …): not in the publisher's map
        }
    }
}
