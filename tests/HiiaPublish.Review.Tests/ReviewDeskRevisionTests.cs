using System.Text.RegularExpressions;
using HiiaPublish.Review.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace HiiaPublish.Review.Tests;

/// <summary>Sending a paper back with a comment, and what the editor then sees: the comment, and the changes of the next revision.</summary>
[Collection(DeskCollection.Name)]
public sealed class ReviewDeskRevisionTests(DeskFixture fixture)
{
    private const string Slug = "revised-paper";
    private const string AddedParagraph = "A paragraph added after the copy editor's comment, so that the second revision differs.";

    [Fact]
    public async Task A_comment_reaches_the_editor_who_replies_in_the_thread_and_the_next_revision_shows_its_text_and_page_changes()
    {
        var folder = Directory.CreateTempSubdirectory("hiia-review-");
        var sample = RepositoryPaths.Sample("kozep-europai-energiabiztonsag");
        var markdown = Path.Combine(folder.FullName, "revised-paper.md");
        var cover = Path.Combine(folder.FullName, "cover.png");
        File.Copy(Path.Combine(sample, "cover.png"), cover);
        var first = Regex.Replace(await File.ReadAllTextAsync(Path.Combine(sample, "kozep-europai-energiabiztonsag.md")), @"(?m)^slug: .*$", $"slug: {Slug}");
        await File.WriteAllTextAsync(markdown, first);

        await using var editor = await DeskSession.OpenAsync(fixture, "5-revisions");
        await editor.SignInAsync("eva", "Editor");
        await editor.Page.Locator("#upload-files").SetInputFilesAsync([markdown, cover]);
        await editor.Page.Locator("#upload-button").ClickAsync();
        await Expect(editor.Page.Locator("#page-count")).ToHaveTextAsync(new Regex(@"^\d+ pages$"), DeskSession.Slow);

        // What waits for this editor before the copy editor acts (other tests' papers may already).
        var waitingBefore = int.Parse(await editor.Page.Locator("#waiting").GetAttributeAsync("data-count") ?? "0");

        await using (var copyEditor = await DeskSession.OpenAsync(fixture, "5-revisions"))
        {
            await copyEditor.SignInAsync("csaba", "CopyEditor");
            await copyEditor.OpenPaperAsync(Slug);
            await copyEditor.Page.Locator("#comment-input").FillAsync("Please shorten the abstract to two sentences.");
            await copyEditor.Page.Locator("#request-changes-button").ClickAsync();
            await Expect(copyEditor.RevisionHeading).ToContainTextAsync("Sent back");
            await Expect(copyEditor.Page.Locator("#review-outcome")).ToBeFocusedAsync();
            await copyEditor.ScreenshotAsync("changes-requested");
        }

        // The editor's open page picks the decision up by itself (polling), without a reload.
        var sentBack = editor.Page.Locator("#timeline .event-sent-back");
        await Expect(sentBack.Locator(".event-comment")).ToHaveTextAsync("Please shorten the abstract to two sentences.", DeskSession.Slow);
        await Expect(sentBack).ToContainTextAsync("sent back by csaba");
        await Expect(editor.Page.Locator($"[data-slug='{Slug}'] .badge")).ToHaveTextAsync("Sent back");
        // The count of papers waiting for the editor went up by this one, without a reload.
        await Expect(editor.Page.Locator("#waiting")).ToHaveAttributeAsync("data-count", (waitingBefore + 1).ToString());
        await editor.ScreenshotAsync("editor-sees-comment");

        // The editor, reading page 2, answers in the thread; the answer is kept with the revision and shown under the
        // request, and the redraw that brings it keeps the drawn pages and the reader's page.
        await Expect(editor.Page.Locator("#page-area")).ToHaveAttributeAsync("data-drawn", new Regex(@"^\d+$"), new() { Timeout = 60_000 });
        await editor.Page.Locator("#page-area").FocusAsync();
        await editor.Page.Keyboard.PressAsync("PageDown");
        await Expect(editor.Page.Locator("#page-counter")).ToHaveTextAsync(new Regex(@"^Page 2 of \d+$"));
        await editor.Page.EvaluateAsync("() => document.querySelector('#page-area canvas').dataset.drawnBefore = 'yes'");
        await editor.Page.Locator("#reply-input").FillAsync("Shortened; the second sentence now carries the figures.");
        await editor.Page.Locator("#reply-button").ClickAsync();
        await Expect(editor.Page.Locator("#reply-outcome")).ToBeFocusedAsync();
        await Expect(editor.Page.Locator("#reply-outcome")).ToHaveTextAsync("Reply sent.");
        await Expect(editor.Page.Locator("#timeline .event-replied")).ToContainTextAsync("eva replied about revision 1");
        await Expect(editor.Page.Locator("#timeline .event-replied .event-comment")).ToHaveTextAsync("Shortened; the second sentence now carries the figures.");
        await Expect(editor.Page.Locator("#reply-outcome")).ToHaveTextAsync("Reply sent.");
        await Expect(editor.Page.Locator("#reply-outcome")).ToBeFocusedAsync();
        await Expect(editor.Page.Locator("#page-area canvas[data-drawn-before=yes]")).ToHaveCountAsync(1);
        await Expect(editor.Page.Locator("#page-counter")).ToHaveTextAsync(new Regex(@"^Page 2 of \d+$"));
        await editor.AssertNoAxeViolationsAsync("history with a thread");

        await File.WriteAllTextAsync(markdown, first.TrimEnd() + "\n\n" + AddedParagraph + "\n");
        await editor.Page.Locator("#upload-files").SetInputFilesAsync([markdown, cover]);
        await editor.Page.Locator("#upload-button").ClickAsync();
        await Expect(editor.Page.Locator("#upload-result")).ToContainTextAsync("Uploaded.");
        await editor.ScreenshotAsync("second-upload");
        await Expect(editor.Page.Locator(".revision-button")).ToHaveCountAsync(2);
        await Expect(editor.Page.Locator("#page-count")).ToHaveTextAsync(new Regex(@"^\d+ pages$"), DeskSession.Slow);
        // Nothing was approved yet, so the changes are against revision 1, the previous one that rendered.
        await Expect(editor.Page.Locator("#compared-with")).ToHaveTextAsync("Compared with revision 1 (Sent back).");
        await Expect(editor.Page.Locator("#block-diff .block-added")).ToHaveCountAsync(1);
        await Expect(editor.Page.Locator("#block-diff .block-added ins")).ToHaveTextAsync(AddedParagraph.Replace("'", "’")); // as the reader reads it: typographic apostrophe
        await Expect(editor.Page.Locator("#page-summary")).ToContainTextAsync("changed", DeskSession.SlowContains);
        await editor.ScreenshotAsync("second-revision-diff");
        Assert.Empty(editor.ConsoleErrors);
        folder.Delete(recursive: true);
    }
}
