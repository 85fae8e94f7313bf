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
    public async Task A_comment_reaches_the_editor_and_the_next_revision_shows_its_source_diff_and_page_change()
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

        await using (var copyEditor = await DeskSession.OpenAsync(fixture, "5-revisions"))
        {
            await copyEditor.SignInAsync("csaba", "CopyEditor");
            await copyEditor.OpenPaperAsync(Slug);
            await copyEditor.Page.Locator("#comment-input").FillAsync("Please shorten the abstract to two sentences.");
            await copyEditor.Page.Locator("#request-changes-button").ClickAsync();
            await Expect(copyEditor.RevisionHeading).ToContainTextAsync("Changes requested");
            await copyEditor.ScreenshotAsync("changes-requested");
        }

        // The editor's open page picks the decision up by itself (polling), without a reload.
        await Expect(editor.Page.Locator(".comment-text")).ToHaveTextAsync("Please shorten the abstract to two sentences.", DeskSession.Slow);
        await Expect(editor.Page.Locator(".comment-by")).ToContainTextAsync("csaba");
        await editor.ScreenshotAsync("editor-sees-comment");

        await File.WriteAllTextAsync(markdown, first.TrimEnd() + "\n\n" + AddedParagraph + "\n");
        await editor.Page.Locator("#upload-files").SetInputFilesAsync([markdown, cover]);
        await editor.Page.Locator("#upload-button").ClickAsync();
        await Expect(editor.Page.Locator("#upload-result")).ToContainTextAsync("Uploaded as revision");
        await editor.ScreenshotAsync("second-upload");
        await Expect(editor.Page.Locator(".revision-button")).ToHaveCountAsync(2);
        await Expect(editor.Page.Locator("#page-count")).ToHaveTextAsync(new Regex(@"^\d+ pages$"), DeskSession.Slow);
        await Expect(editor.Page.Locator("#page-delta")).ToHaveTextAsync(new Regex(@"(more pages|more page|fewer pages|page fewer|Same number of pages) .*revision [0-9a-f]{8}"));
        await Expect(editor.Page.Locator("#diff-summary")).ToHaveTextAsync("Source text: 2 lines added, 0 removed.");
        await Expect(editor.Page.Locator(".diff-added code").Last).ToHaveTextAsync(AddedParagraph);
        await editor.ScreenshotAsync("second-revision-diff");
        Assert.Empty(editor.ConsoleErrors);
        folder.Delete(recursive: true);
    }
}
