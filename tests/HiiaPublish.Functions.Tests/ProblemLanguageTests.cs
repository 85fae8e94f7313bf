using HiiaPublish.Azure.Http;
using HiiaPublish.Functions.Tests.Support;
using HiiaPublish.Workflow;

namespace HiiaPublish.Functions.Tests;

/// <summary>
/// The Hungarian desk is complete only if the refusals a person meets there are Hungarian too: every refusal the
/// workflow gives on the desk's paths is produced here for real, and each has a Hungarian title and detail.
/// </summary>
public class ProblemLanguageTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<IReadOnlyList<WorkflowProblem>> RefusalsAsync()
    {
        var flow = new MemoryWorkflow();
        var own = (await flow.Service.UploadAsync(Drafts.Small("lang-paper", "first"), People.EditorAndCopyEditor, None)).Value!;
        await flow.DrainAsync(WorkQueues.Render);
        var rendered = await flow.RecordAsync(own.Slug, own.Revision);
        var sha = rendered.PreviewSha256!;
        var problems = new List<WorkflowProblem?>
        {
            (await flow.Service.ListDraftSummariesAsync(null, None)).Problem,
            (await flow.Service.ListDraftSummariesAsync(new WorkflowPrincipal("nobody", "Nobody", []), None)).Problem,
            (await flow.Service.ApproveAsync(own.Slug, own.Revision, sha, People.EditorAndCopyEditor, None)).Problem,
            (await flow.Service.RequestChangesAsync(own.Slug, own.Revision, "x", People.EditorAndCopyEditor, None)).Problem,
            (await flow.Service.ApproveAsync(own.Slug, own.Revision, sha, People.Editor, None)).Problem,
            (await flow.Service.ApproveAsync(own.Slug, own.Revision, null, People.CopyEditor, None)).Problem,
            (await flow.Service.ApproveAsync(own.Slug, own.Revision, new string('b', 64), People.CopyEditor, None)).Problem,
            (await flow.Service.RequestChangesAsync(own.Slug, own.Revision, " ", People.CopyEditor, None)).Problem,
            (await flow.Service.ReplyAsync(own.Slug, own.Revision, "Done", People.Editor, None)).Problem,
            (await flow.Service.ReplyAsync(own.Slug, own.Revision, "", People.Editor, None)).Problem,
            (await flow.Service.GetDraftAsync("no-such-paper", People.Editor, None)).Problem,
            (await flow.Service.GetPreviewAsync(own.Slug, new string('c', 64), People.Editor, None)).Problem,
            (await flow.Service.GetSourceAsync(own.Slug, new string('c', 64), People.Editor, None)).Problem,
        };
        var newer = (await flow.Service.UploadAsync(Drafts.Small("lang-paper", "second"), People.Editor, None)).Value!;
        problems.Add((await flow.Service.ApproveAsync(own.Slug, own.Revision, sha, People.CopyEditor, None)).Problem);
        problems.Add((await flow.Service.GetPreviewAsync(newer.Slug, newer.Revision, People.Editor, None)).Problem);
        await flow.DrainAsync(WorkQueues.Render);
        var newerRecord = await flow.RecordAsync(newer.Slug, newer.Revision);
        await flow.Service.ApproveAsync(newer.Slug, newer.Revision, newerRecord.PreviewSha256, People.CopyEditor, None);
        problems.Add((await flow.Service.RequestChangesAsync(newer.Slug, newer.Revision, "Late", People.OtherCopyEditor, None)).Problem);
        Assert.All(problems, p => Assert.NotNull(p));
        return problems!;
    }

    [Fact]
    public async Task EveryRefusalOnTheDesksPaths_HasAHungarianTitleAndDetail()
    {
        var untranslated = new List<string>();
        foreach (var problem in await RefusalsAsync())
        {
            var request = HttpCalls.Request("GET");
            request.Headers.AcceptLanguage = "hu";
            var answer = ProblemResults.Localised(ProblemResults.From(problem), request);
            using var body = System.Text.Json.JsonDocument.Parse(answer.Body);
            var (title, detail) = (body.RootElement.GetProperty("title").GetString(), body.RootElement.GetProperty("detail").GetString());
            if (title == problem.Title) untranslated.Add($"title: {problem.Title}");
            if (detail == problem.Detail) untranslated.Add($"detail: {problem.Detail}");
        }
        Assert.True(untranslated.Count == 0, "Still English in the Hungarian desk:\n" + string.Join("\n", untranslated));
    }

    [Fact]
    public void ASentenceTheTableDoesNotKnow_StaysEnglish_AndEnglishRequestsAreLeftAlone()
    {
        Assert.Null(ProblemResults.Hungarian("A sentence no refusal says."));
        Assert.Equal("Ez a változat most ilyen állapotú: jóváhagyva; csak kiszedett változat bírálható.",
            ProblemResults.Hungarian("This revision is approved; only a rendered revision can be reviewed."));
        var problem = ApiResult.Problem(409, "Four eyes", "You uploaded this revision, so you cannot approve it yourself: another copy editor must review it.");
        var english = HttpCalls.Request("GET");
        english.Headers.AcceptLanguage = "en-GB, hu;q=0.8";
        Assert.Same(problem, ProblemResults.Localised(problem, english));
        var preferred = HttpCalls.Request("GET");
        preferred.Headers.AcceptLanguage = "en;q=0.3, hu;q=0.9";
        Assert.Equal("hu", ProblemResults.LanguageOf(preferred));
    }
}
