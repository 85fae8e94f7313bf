using System.Text.RegularExpressions;
using HiiaPublish.Review.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HiiaPublish.Review.Tests;

/// <summary>The issue's four browser scenarios, against `hiia serve` with Azurite, in Debian's headless chromium.</summary>
[Collection(DeskCollection.Name)]
public sealed class ReviewDeskBrowserTests(DeskFixture fixture)
{
    private static readonly string[] EnglishSample =
        ["middle-corridor.md", "cover.png", "corridor-volumes.png"];
    private const string EnglishTitle = "The Middle Corridor: Strategic Promise and Practical Bottlenecks";

    [Fact]
    public async Task An_editor_uploads_the_English_sample_and_a_copy_editor_approves_it_onto_the_site()
    {
        await using (var editor = await DeskSession.OpenAsync(fixture, "1-approve"))
        {
            await editor.SignInAsync("eva", "Editor");
            // An editor sees the upload form and no review actions anywhere.
            await Expect(editor.Page.Locator("#upload")).ToBeVisibleAsync();
            await editor.ScreenshotAsync("editor-desk");
            await editor.Page.Locator("#upload-files").SetInputFilesAsync(EnglishSample.Select(f => Path.Combine(RepositoryPaths.Sample("middle-corridor"), f)));
            await editor.Page.Locator("#upload-button").ClickAsync();
            await Expect(editor.Page.Locator("#upload-result")).ToContainTextAsync("Uploaded.");
            await Expect(editor.Page.Locator("#paper-heading")).ToHaveTextAsync(EnglishTitle);
            await editor.ScreenshotAsync("rendering");
            await Expect(editor.Page.Locator("#page-count")).ToHaveTextAsync(DeskSession.Pages, DeskSession.Slow);
            await Expect(editor.Page.Locator("#page-area canvas").First).ToBeVisibleAsync(DeskSession.SlowVisible);
            await Expect(editor.Page.Locator("#approve-button")).ToHaveCountAsync(0);
            await Expect(editor.Page.Locator(".review .note")).ToContainTextAsync("A copy editor reviews this revision");
            await editor.ScreenshotAsync("preview");
            Assert.Empty(editor.ConsoleErrors);
        }

        await using var copyEditor = await DeskSession.OpenAsync(fixture, "1-approve");
        await copyEditor.SignInAsync("csaba", "CopyEditor");
        await copyEditor.Page.Locator("[data-slug='middle-corridor']").ClickAsync();
        await Expect(copyEditor.Page.Locator("#page-area canvas").First).ToBeVisibleAsync(DeskSession.SlowVisible);
        await copyEditor.ScreenshotAsync("copy-editor-reviews");
        await copyEditor.Page.Locator("#approve-button").ClickAsync();
        await copyEditor.Page.Locator("#confirm-publish").ClickAsync();
        await Expect(copyEditor.RevisionHeading).ToContainTextAsync("Published", DeskSession.SlowContains);
        await copyEditor.ScreenshotAsync("published");

        await copyEditor.Page.GotoAsync($"{copyEditor.BaseUrl}/site/");
        await Expect(copyEditor.Page.Locator("body")).ToContainTextAsync(EnglishTitle);
        await copyEditor.ScreenshotAsync("site-index");
        Assert.Empty(copyEditor.ConsoleErrors);
    }

    [Fact]
    public async Task An_editor_uploading_a_broken_draft_sees_each_problem_with_its_line_and_source()
    {
        var folder = Directory.CreateTempSubdirectory("hiia-review-");
        var draft = Path.Combine(folder.FullName, "broken-draft.md");
        await File.WriteAllTextAsync(draft,
            "---\ntitle: A Broken Draft\nlanguage: xx\nslug: broken-draft\n---\n\nSome text with a [link](htp:/bad).\n\n![A chart](missing-chart.png)\n");

        await using var editor = await DeskSession.OpenAsync(fixture, "2-broken");
        await editor.SignInAsync("eva", "Editor");
        await editor.Page.Locator("#upload-files").SetInputFilesAsync(draft);
        await editor.Page.Locator("#upload-button").ClickAsync();
        var problems = editor.Page.Locator("#upload-result .problem");
        await Expect(editor.Page.Locator("#upload-result")).ToContainTextAsync("The draft was not accepted");
        Assert.True(await problems.CountAsync() >= 4);
        // The language on line 3, the bad link on line 7 and the missing image on line 9, each with its source line.
        var language = problems.Filter(new() { HasText = "The language 'xx' is not supported" });
        await Expect(language.Locator(".problem-where")).ToContainTextAsync("Line 3, column 11");
        await Expect(language.Locator(".problem-source")).ToContainTextAsync("language: xx");
        var link = problems.Filter(new() { HasText = "htp:" });
        await Expect(link.Locator(".problem-where")).ToContainTextAsync("Line 7");
        await Expect(link.Locator(".problem-source")).ToContainTextAsync("[link](htp:/bad)");
        var image = problems.Filter(new() { HasText = "missing-chart.png" });
        await Expect(image.Locator(".problem-where")).ToContainTextAsync("Line 9");
        await editor.ScreenshotAsync("problems");

        // The invalid revision is also in the paper's history, with the same problems read from the stored source.
        // A paper whose only upload is broken is in the list, saying so.
        await Expect(editor.Page.Locator("[data-slug='broken-draft'] .badge")).ToHaveTextAsync("Has problems", DeskSession.Slow);
        await editor.OpenPaperAsync("broken-draft");
        await Expect(editor.RevisionHeading).ToContainTextAsync("Has problems");
        await Expect(editor.Page.Locator("#revision .problem-source").First).ToBeVisibleAsync();
        await editor.ScreenshotAsync("invalid-revision");
        await editor.AssertNoAxeViolationsAsync("problems");
        Assert.Empty(editor.ConsoleErrors);
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_copy_editor_cannot_approve_their_own_upload_and_the_page_says_why_in_Hungarian()
    {
        await using var copyEditor = await DeskSession.OpenAsync(fixture, "3-four-eyes", locale: "hu-HU");
        await copyEditor.SignInAsync("dora", "CopyEditor");
        await Expect(copyEditor.Page.Locator("#upload-heading")).ToHaveTextAsync("Kézirat feltöltése");
        var sample = RepositoryPaths.Sample("kozep-europai-energiabiztonsag");
        await copyEditor.Page.Locator("#upload-files").SetInputFilesAsync([Path.Combine(sample, "kozep-europai-energiabiztonsag.md"), Path.Combine(sample, "cover.png")]);
        await copyEditor.Page.Locator("#upload-button").ClickAsync();
        await Expect(copyEditor.Page.Locator("#page-count")).ToHaveTextAsync(new Regex(@"^\d+ oldal$"), DeskSession.Slow);

        await Expect(copyEditor.Page.Locator("#four-eyes")).ToContainTextAsync("négy szem elve");
        await Expect(copyEditor.Page.Locator("#approve-button")).ToBeDisabledAsync();
        await Expect(copyEditor.Page.Locator("#approve-button")).ToHaveAttributeAsync("aria-describedby", "four-eyes");
        await copyEditor.ScreenshotAsync("own-upload");
        await copyEditor.AssertNoAxeViolationsAsync("four-eyes refusal");

        // The server agrees: the same approval sent by hand is refused with the four-eyes sentence.
        var refusal = await copyEditor.Page.EvaluateAsync<string>("""
            async () => {
              const draft = await (await fetch('/api/drafts/kozep-europai-energiabiztonsag')).json();
              const r = draft.revisions[0];
              const answer = await fetch(`/api/drafts/${r.slug}/revisions/${r.revision}/approve`, {
                method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pdfSha256: r.previewSha256 }) });
              return `${answer.status} ${(await answer.json()).detail}`;
            }
            """);
        // In the language of the desk: the browser asks for Hungarian, and the API answers in it.
        Assert.StartsWith("403 Ezt a változatot Ön töltötte fel", refusal);
        Assert.Empty(copyEditor.ConsoleErrors);
    }

    [Fact]
    public async Task Upload_and_approval_can_be_done_with_the_keyboard_alone()
    {
        var folder = Directory.CreateTempSubdirectory("hiia-review-");
        var source = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Sample("middle-corridor"), "middle-corridor.md"));
        var files = new[] { "middle-corridor.md", "cover.png", "corridor-volumes.png" }.Select(f => Path.Combine(folder.FullName, f)).ToArray();
        await File.WriteAllTextAsync(files[0], source.Replace("slug: middle-corridor", "slug: middle-corridor-keyboard")
            .Replace("title: \"The Middle Corridor:", "title: \"Keyboard Edition. The Middle Corridor:"));
        foreach (var image in files.Skip(1)) File.Copy(Path.Combine(RepositoryPaths.Sample("middle-corridor"), Path.GetFileName(image)), image);

        await using (var editor = await DeskSession.OpenAsync(fixture, "4-keyboard"))
        {
            await editor.SignInWithKeyboardAsync("ferenc", "role-editor");
            await editor.PhoneScreenshotAsync("signed-in");
            await editor.TabToAsync("#upload-files");
            Assert.True(await editor.FocusIsVisibleAsync());
            var chooser = await OpenFileChooserWithSpaceAsync(editor.Page);
            await chooser.SetFilesAsync(files);
            await editor.TabToAsync("#upload-button");
            Assert.True(await editor.FocusIsVisibleAsync());
            await editor.ScreenshotAsync("upload-focused");
            await editor.PhoneScreenshotAsync("upload-focused");
            await editor.Page.Keyboard.PressAsync("Enter");
            await Expect(editor.Page.Locator("#page-count")).ToHaveTextAsync(DeskSession.Pages, DeskSession.Slow);
            await editor.ScreenshotAsync("uploaded");
            await editor.PhoneScreenshotAsync("uploaded");
        }

        await using var copyEditor = await DeskSession.OpenAsync(fixture, "4-keyboard");
        await copyEditor.SignInWithKeyboardAsync("gizella", "role-copy-editor");
        await copyEditor.TabToAsync("[data-slug='middle-corridor-keyboard']");
        Assert.True(await copyEditor.FocusIsVisibleAsync());
        await copyEditor.PhoneScreenshotAsync("paper-focused");
        await copyEditor.Page.Keyboard.PressAsync("Enter");
        await Expect(copyEditor.Page.Locator("#paper-heading")).ToBeFocusedAsync();
        await Expect(copyEditor.Page.Locator("#page-area canvas").First).ToBeVisibleAsync(DeskSession.SlowVisible);
        await copyEditor.PhoneScreenshotAsync("paper-opened");
        // From the paper's heading to Approve: the decision comes before the pages, and the pages are one Tab stop.
        var tabs = await copyEditor.CountTabsToAsync("#approve-button");
        Assert.True(tabs <= 10, $"Approve is {tabs} Tab presses from the paper's heading");
        Assert.True(await copyEditor.FocusIsVisibleAsync());
        await copyEditor.ScreenshotAsync("approve-focused");
        await copyEditor.PhoneScreenshotAsync("approve-focused");
        await copyEditor.Page.Keyboard.PressAsync("Enter");
        await Expect(copyEditor.Page.Locator("#confirm-publish")).ToBeFocusedAsync();
        await copyEditor.PhoneScreenshotAsync("confirm");
        await copyEditor.Page.Keyboard.PressAsync("Enter");
        await Expect(copyEditor.RevisionHeading).ToContainTextAsync("Published", DeskSession.SlowContains);
        Assert.NotEqual("BODY", await copyEditor.Page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        await copyEditor.ScreenshotAsync("published");
        await copyEditor.PhoneScreenshotAsync("published");
        Assert.Empty(copyEditor.ConsoleErrors);
        folder.Delete(recursive: true);
    }

    /// <summary>
    /// Space on the focused file input opens the chooser. Playwright starts intercepting choosers only once asked to
    /// wait for one, and under load the key press can reach Chromium first: headless, nothing then opens. Once the
    /// first wait has turned interception on, a second press is certain to be seen.
    /// </summary>
    private static async Task<IFileChooser> OpenFileChooserWithSpaceAsync(IPage page)
    {
        try
        {
            return await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"), new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            return await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"));
        }
    }
}
