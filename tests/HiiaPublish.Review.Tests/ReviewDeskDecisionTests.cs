using System.Text.RegularExpressions;
using HiiaPublish.Review.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HiiaPublish.Review.Tests;

/// <summary>
/// The issue's proof: a broken upload never hides the revision that waits for review; the copy editor reads the
/// drawn pages, approves after the confirmation and follows the link; the next revision's changes are shown against
/// the published one; the history names everyone in both languages; axe-core finds nothing in any state.
/// </summary>
[Collection(DeskCollection.Name)]
public sealed class ReviewDeskDecisionTests(DeskFixture fixture)
{
    private const string Slug = "corridor-desk";
    private static readonly Regex Pages = new(@"^\d+ pages$");

    [Fact]
    public async Task A_broken_upload_does_not_hide_the_review_and_the_next_revision_is_compared_with_the_published_one()
    {
        var folder = Directory.CreateTempSubdirectory("hiia-desk-");
        var sample = RepositoryPaths.Sample("middle-corridor");
        foreach (var image in new[] { "cover.png", "corridor-volumes.png" }) File.Copy(Path.Combine(sample, image), Path.Combine(folder.FullName, image));
        var markdown = Path.Combine(folder.FullName, "corridor-desk.md");
        var files = new[] { markdown, Path.Combine(folder.FullName, "cover.png"), Path.Combine(folder.FullName, "corridor-volumes.png") };
        var first = (await File.ReadAllTextAsync(Path.Combine(sample, "middle-corridor.md"))).Replace("slug: middle-corridor", $"slug: {Slug}");
        Assert.Contains($"slug: {Slug}", first);

        await using var editor = await DeskSession.OpenAsync(fixture, "6-decision");
        await editor.SignInAsync("Eva Editor", "Editor");
        // An empty list (no paper has failed) says so, and passes axe like every other state.
        await editor.Page.Locator("#state-filter").SelectOptionAsync("failed");
        await Expect(editor.Page.Locator("#paper-list-empty")).ToHaveTextAsync("No papers in this state.");
        await editor.ScreenshotAsync("empty");
        await editor.AssertNoAxeViolationsAsync("empty");
        await editor.Page.Locator("#state-filter").SelectOptionAsync("");
        await File.WriteAllTextAsync(markdown, first);
        await editor.Page.Locator("#upload-files").SetInputFilesAsync(files);
        await editor.Page.Locator("#upload-button").ClickAsync();
        await Expect(editor.Page.Locator("#upload-result")).ToBeFocusedAsync();
        await Expect(editor.RevisionHeading).ToContainTextAsync("Revision 1");
        await editor.AssertNoAxeViolationsAsync("rendering");
        await Expect(editor.Page.Locator("#page-count")).ToHaveTextAsync(Pages, DeskSession.Slow);

        // A broken revision 2 on top: the editor sees its problems, the list still says the paper waits for review.
        await File.WriteAllTextAsync(markdown, first.Replace("title: \"The Middle Corridor", "title: [\"The Middle Corridor"));
        await editor.Page.Locator("#upload-files").SetInputFilesAsync(files);
        await editor.Page.Locator("#upload-button").ClickAsync();
        await Expect(editor.Page.Locator("#upload-result")).ToContainTextAsync("The draft was not accepted");
        await Expect(editor.Page.Locator($"[data-slug='{Slug}'] .badge")).ToHaveTextAsync("Waiting for review", DeskSession.Slow);
        await editor.ScreenshotAsync("editor-broken-upload");
        await editor.AssertNoAxeViolationsAsync("problems");
        var drafts = await editor.Page.EvaluateAsync<string>("async () => JSON.stringify((await (await fetch('/api/drafts')).json()).drafts.find(d => d.slug === 'corridor-desk').attention)");
        Assert.Contains("\"state\":\"review\"", drafts);
        Assert.Contains("\"number\":1", drafts);

        await using var copyEditor = await DeskSession.OpenAsync(fixture, "6-decision");
        await copyEditor.SignInAsync("Csaba Copy", "CopyEditor");
        await Expect(copyEditor.Page.Locator("#waiting")).ToHaveTextAsync(new Regex(@"^(1 paper waits|\d+ papers wait) for you$"));
        await copyEditor.Page.Locator("#state-filter").SelectOptionAsync("review");
        var listed = copyEditor.Page.Locator($"[data-slug='{Slug}']");
        await Expect(listed).ToContainTextAsync("Waiting for review");
        await copyEditor.ScreenshotAsync("copy-editor-list");
        await listed.ClickAsync();
        // Opening the paper opens revision 1, the one waiting, not the broken revision 2.
        await Expect(copyEditor.RevisionHeading).ToContainTextAsync("Revision 1");
        await Expect(copyEditor.Page.Locator("#page-area canvas").First).ToBeVisibleAsync(DeskSession.SlowVisible);
        await Expect(copyEditor.Page.Locator("#page-area")).ToHaveAttributeAsync("data-drawn", new Regex(@"^\d+$"), new() { Timeout = 60_000 });
        Assert.True(await copyEditor.InkOnFirstPageAsync() > 0.01, "the first page's canvas is blank");
        await Expect(copyEditor.Page.Locator("#pdf-hash")).ToContainTextAsync(new Regex("PDF SHA-256 [0-9a-f]{12}"));
        await Expect(copyEditor.Page.Locator("#page-counter")).ToHaveTextAsync(new Regex(@"^Page 1 of \d+$"));
        await copyEditor.ScreenshotAsync("review");
        await copyEditor.PhoneScreenshotAsync("review");
        await copyEditor.AssertNoAxeViolationsAsync("review");

        // Keyboard paging inside the one Tab stop of the page area.
        await copyEditor.Page.Locator("#page-area").FocusAsync();
        await copyEditor.Page.Keyboard.PressAsync("PageDown");
        await Expect(copyEditor.Page.Locator("#page-counter")).ToHaveTextAsync(new Regex(@"^Page 2 of \d+$"));

        await copyEditor.Page.Locator("#approve-button").ClickAsync();
        var dialog = copyEditor.Page.Locator("#confirm-approve");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync($"Readers will see it at {copyEditor.BaseUrl}/site/perspectives/2026/{Slug}/");
        await Expect(copyEditor.Page.Locator("#confirm-publish")).ToBeFocusedAsync();
        await copyEditor.ScreenshotAsync("confirm");
        await copyEditor.AssertNoAxeViolationsAsync("confirmation");
        await copyEditor.Page.Locator("#confirm-publish").ClickAsync();
        await Expect(copyEditor.RevisionHeading).ToContainTextAsync("Published", DeskSession.SlowContains);
        var link = copyEditor.Page.Locator("#published-link");
        await Expect(link).ToBeVisibleAsync();
        await Expect(copyEditor.Page.Locator("body")).Not.ToBeFocusedAsync();
        Assert.NotEqual("BODY", await copyEditor.Page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        await copyEditor.ScreenshotAsync("published");
        await copyEditor.AssertNoAxeViolationsAsync("published");
        await link.ClickAsync();
        await Expect(copyEditor.Page.Locator("h1")).ToContainTextAsync("The Middle Corridor");
        await copyEditor.ScreenshotAsync("published-page");

        // Revision 3: one sentence of section 2 changed, one note added.
        var third = first
            .Replace("not one route but a chain of at least five", "not one route but a chain of at least six")
            .Replace("distinct transport segments, each with its own operator", "distinct transport segments,[^13] each with its own operator")
            + "\n[^13]: A segment here is a stretch run by one operator under one tariff.\n";
        await File.WriteAllTextAsync(markdown, third);
        await editor.Page.ReloadAsync();
        await editor.Page.Locator("#upload-files").SetInputFilesAsync(files);
        await editor.Page.Locator("#upload-button").ClickAsync();
        await Expect(editor.RevisionHeading).ToContainTextAsync("Revision 3");
        await Expect(editor.Page.Locator("#compared-with")).ToHaveTextAsync("Compared with revision 1 (Published).");
        var changed = editor.Page.Locator("#block-diff .block-changed").Filter(new() { HasText = "paragraph in section 2" });
        await Expect(changed).ToHaveCountAsync(1);
        // Word by word: exactly the changed word, and the new note's mark, nothing else of the paragraph.
        Assert.Equal(["five", "segments,"], await changed.Locator("del").EvaluateAllAsync<string[]>("ds => ds.map(d => d.lastChild.previousSibling.textContent)"));
        Assert.Equal(["six", "segments,[note]"], await changed.Locator("ins").EvaluateAllAsync<string[]>("ds => ds.map(d => d.lastChild.previousSibling.textContent)"));
        await Expect(changed.Locator(".folded-words").First).ToContainTextAsync("unchanged words");
        await Expect(editor.Page.Locator("#block-diff .block-added").Filter(new() { HasText = "note" })).ToContainTextAsync("one operator under one tariff");
        await Expect(editor.Page.Locator("#block-diff > li:not(.block-folded)")).ToHaveCountAsync(2);
        await Expect(editor.Page.Locator("#page-summary")).ToHaveTextAsync(new Regex(@"^Pages? [0-9–, ]+ changed"), DeskSession.Slow);
        await Expect(editor.Page.Locator(".page-pair canvas[data-marked=true]").First).ToBeVisibleAsync();
        // Kept for docs/performance.md: how long the page comparison took here (a record, not a pass mark).
        var summary = editor.Page.Locator("#page-summary");
        await File.WriteAllTextAsync(Path.Combine(DeskFixture.ScreenshotFolder, "page-compare-timing.txt"),
            $"{await summary.GetAttributeAsync("data-pages")} pages compared in {await summary.GetAttributeAsync("data-compare-ms")} ms\n");
        await editor.Page.Locator("#changes").ScrollIntoViewIfNeededAsync();
        await editor.Page.EvaluateAsync("() => document.getElementById('changes').scrollIntoView({ block: 'start' })");
        await editor.ScreenshotAsync("diff");
        await editor.PhoneScreenshotAsync("diff");
        await editor.AssertNoAxeViolationsAsync("diff");

        // The history, oldest first, with names, in English…
        var timeline = editor.Page.Locator("#timeline");
        await Expect(timeline.Locator(".event-published")).ToContainTextAsync("Revision 1 published");
        await Expect(timeline).ToContainTextAsync("Revision 1 uploaded by Eva Editor");
        await Expect(timeline).ToContainTextAsync("Revision 2: ");
        await Expect(timeline).ToContainTextAsync("Revision 1 approved by Csaba Copy");
        await Expect(timeline).ToContainTextAsync("Revision 3 uploaded by Eva Editor");
        var kinds = await timeline.Locator(".event").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.kind + ':' + i.dataset.revisionNumber)");
        Assert.Equal(["uploaded:1", "rendered:1", "uploaded:2", "problems-found:2", "approved:1", "published:1", "uploaded:3"], kinds.Take(7));
        await editor.Page.EvaluateAsync("() => document.getElementById('history').scrollIntoView({ block: 'start' })");
        await editor.ScreenshotAsync("history");
        await editor.AssertNoAxeViolationsAsync("history");

        // … and in Hungarian.
        await using var hungarian = await DeskSession.OpenAsync(fixture, "6-decision", locale: "hu-HU");
        await hungarian.SignInAsync("Csaba Copy", "CopyEditor");
        await hungarian.OpenPaperAsync(Slug);
        var hungarianTimeline = hungarian.Page.Locator("#timeline");
        await Expect(hungarianTimeline).ToContainTextAsync("Az 1. változatot feltöltötte: Eva Editor".Replace("Az 1.", "A(z) 1."));
        await Expect(hungarianTimeline).ToContainTextAsync("A(z) 1. változatot jóváhagyta: Csaba Copy");
        await Expect(hungarianTimeline).ToContainTextAsync("A(z) 1. változat megjelent");
        await Expect(hungarian.Page.Locator(".brand")).ToContainTextAsync("Magyar Külügyi Intézet");
        await Expect(hungarian.Page.Locator("#block-diff .block-changed .block-label")).ToHaveTextAsync("Módosult · bekezdés a(z) 2. fejezetben");
        await hungarian.Page.EvaluateAsync("() => document.getElementById('history').scrollIntoView({ block: 'start' })");
        await hungarian.ScreenshotAsync("history-hu");
        await hungarian.AssertNoAxeViolationsAsync("history (hu)");

        Assert.Empty(editor.ConsoleErrors);
        Assert.Empty(copyEditor.ConsoleErrors);
        Assert.Empty(hungarian.ConsoleErrors);
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Signed_out_the_desk_says_where_to_sign_in_and_passes_axe_in_both_languages()
    {
        foreach (var (locale, heading) in new[] { ("en-GB", "Sign in to use the review desk"), ("hu-HU", "A szerkesztőségi asztal használatához jelentkezzen be") })
        {
            await using var visitor = await DeskSession.OpenAsync(fixture, "7-signed-out", locale);
            await visitor.Page.GotoAsync($"{visitor.BaseUrl}/review/");
            await Expect(visitor.Page.Locator("#signed-out-heading")).ToHaveTextAsync(heading);
            await Expect(visitor.Page.Locator("#sign-in-link")).ToBeVisibleAsync();
            await visitor.ScreenshotAsync($"signed-out-{locale}");
            await visitor.PhoneScreenshotAsync($"signed-out-{locale}");
            await visitor.AssertNoAxeViolationsAsync($"signed out ({locale})");
            Assert.Empty(visitor.ConsoleErrors);
        }
    }
}
