using Deque.AxeCore.Playwright;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HiiaPublish.Review.Tests.Support;

/// <summary>One person at the desk: a browser context of their own (cookies, language), and what they do there.</summary>
public sealed class DeskSession : IAsyncDisposable
{
    // A render plus the queue pump's idle poll (2 s) and the page's own poll; generous for a loaded CI machine.
    public static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 60_000 };
    public static readonly LocatorAssertionsToBeVisibleOptions SlowVisible = new() { Timeout = 60_000 };
    public static readonly LocatorAssertionsToContainTextOptions SlowContains = new() { Timeout = 60_000 };
    // Tab presses before giving up: the page has a few dozen focusable elements at most.
    private const int MaxTabs = 80;

    private readonly IBrowserContext _context;
    private readonly string _scenario;
    // Steps are numbered per scenario across the people in it, so the files sort in the order things happened.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Steps = new();

    private DeskSession(IBrowserContext context, IPage page, string baseUrl, string scenario)
    {
        (_context, Page, BaseUrl, _scenario) = (context, page, baseUrl, scenario);
    }

    public IPage Page { get; }
    public string BaseUrl { get; }
    public List<string> ConsoleErrors { get; } = [];

    public static async Task<DeskSession> OpenAsync(DeskFixture fixture, string scenario, string locale = "en-GB")
    {
        // Every expectation after an action waits on a server round trip (a Table write on Azurite, a poll): Playwright's
        // 5 s default failed once on a loaded CI machine although the desk was right, so the tests wait up to 20 s.
        Assertions.SetDefaultExpectTimeout(20_000);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale, ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var session = new DeskSession(context, page, fixture.Server.BaseUrl, scenario);
        // Answers like 422 or 403 are the desk's normal conversation (Chromium logs each as a failed load); what
        // must never happen is a script error.
        // Chromium's own PDF viewer (chrome:// scripts inside the preview frame) logs internal assertions of its
        // own under load; those are the browser's, not the desk's.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource") && !IsChromiumsOwn(message))
                session.ConsoleErrors.Add(message.Text);
        };
        page.PageError += (_, error) => { if (!IsChromiumsOwn(error)) session.ConsoleErrors.Add(error); };
        return session;
    }

    private static bool IsChromiumsOwn(IConsoleMessage message) =>
        message.Location.StartsWith("chrome://", StringComparison.Ordinal) || IsChromiumsOwn(message.Text);

    // An error whose stack runs through chrome:// scripts was thrown by the browser's own PDF viewer.
    private static bool IsChromiumsOwn(string error) => error.Contains("(chrome://", StringComparison.Ordinal);

    /// <summary>The local sign-in of `hiia serve`, by its documented query string.</summary>
    public async Task SignInAsync(string name, params string[] roles)
    {
        var query = string.Join("", roles.Select(r => $"&roles={r}"));
        await Page.GotoAsync($"{BaseUrl}/review/dev-sign-in.html?name={Uri.EscapeDataString(name)}{query}");
        await Expect(Page.Locator("#who-name")).ToHaveTextAsync(name);
    }

    /// <summary>The same sign-in through its form, with the keyboard only.</summary>
    public async Task SignInWithKeyboardAsync(string name, string roleCheckboxId)
    {
        await Page.GotoAsync($"{BaseUrl}/review/dev-sign-in.html");
        await TabToAsync("#name");
        await Page.Keyboard.TypeAsync(name);
        await TabToAsync($"#{roleCheckboxId}");
        await Page.Keyboard.PressAsync("Space");
        await TabToAsync("button[type=submit]");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#who-name")).ToHaveTextAsync(name);
    }

    public Task OpenPaperAsync(string slug) => Page.GotoAsync($"{BaseUrl}/review/#paper={slug}");

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has focus; fails when it never does.</summary>
    public async Task TabToAsync(string selector)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            if (await Page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
            await Page.Keyboard.PressAsync("Tab");
        }
        var focused = await Page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        throw new Xunit.Sdk.XunitException($"'{selector}' was not reached with {MaxTabs} Tab presses; focus is on {focused}.");
    }

    /// <summary>Presses Tab until <paramref name="selector"/> has focus and says how many presses that took; fails when it never does.</summary>
    public async Task<int> CountTabsToAsync(string selector)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            if (await Page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return i;
            await Page.Keyboard.PressAsync("Tab");
        }
        throw new Xunit.Sdk.XunitException($"'{selector}' was not reached with {MaxTabs} Tab presses.");
    }

    /// <summary>The focused element draws a visible focus indicator (outline or box shadow), not the browser's nothing.</summary>
    public Task<bool> FocusIsVisibleAsync() => Page.EvaluateAsync<bool>("""
        () => { const s = getComputedStyle(document.activeElement);
                return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'; }
        """);

    public async Task ScreenshotAsync(string step)
    {
        var name = $"{_scenario}-{Steps.AddOrUpdate(_scenario, 1, (_, n) => n + 1):00}-{step}.png";
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DeskFixture.ScreenshotFolder, name), FullPage = true });
        // What a person sees in the window (not the whole page), the size docs/review-desk.md can show.
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DeskFixture.ScreenshotFolder, "window", name) });
    }

    public ILocator RevisionHeading => Page.Locator("#revision-heading");

    /// <summary>axe-core on the page as it is now: no violation of any rule, each one named with its nodes when there is.</summary>
    public async Task AssertNoAxeViolationsAsync(string state)
    {
        var result = await Page.RunAxe();
        var found = result.Violations.Select(v => $"{v.Id} ({v.Help}): {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(found.Count == 0, $"axe-core found {found.Count} violations in the desk's '{state}' state:\n" + string.Join("\n", found));
    }

    /// <summary>Screenshots at a phone's width (390 px) too, then back to the desktop's.</summary>
    public async Task PhoneScreenshotAsync(string step)
    {
        await Page.SetViewportSizeAsync(390, 844);
        await FitWidthRedrawnAsync();
        await ScreenshotAsync(step + "-390");
        await Page.SetViewportSizeAsync(1366, 900);
        await FitWidthRedrawnAsync();
    }

    // The pages follow the column's width (a ResizeObserver redraws them): wait until no page is wider than its area.
    private Task FitWidthRedrawnAsync() => Page.WaitForFunctionAsync("""
        () => [...document.querySelectorAll('#page-area')].every(area =>
          [...area.querySelectorAll('canvas')].every(c => c.getBoundingClientRect().width <= area.clientWidth + 1))
        """, null, new() { Timeout = 30_000 });

    /// <summary>The first canvas of the page area, read back: the share of its pixels that are not white.</summary>
    public Task<double> InkOnFirstPageAsync() => Page.EvaluateAsync<double>("""
        () => { const c = document.querySelector('#page-area canvas'); if (!c || !c.width) return 0;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let ink = 0;
                for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) ink++;
                return ink / (d.length / 4); }
        """);

    public static Regex Pages { get; } = new(@"^\d+ pages$");

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
