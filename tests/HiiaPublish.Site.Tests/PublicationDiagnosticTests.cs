using System.Text;
using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Format;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Site.Tests.Support;

namespace HiiaPublish.Site.Tests;

/// <summary>
/// Every code a publish can report (HP07xx) has a case here: a small request published into an in-memory site,
/// and the exact line the publisher reports for it. The theory enumerates the codes, not the cases, so a code
/// without a case fails.
/// </summary>
public class PublicationDiagnosticTests
{
    private static PublicationRequest Paper(string slug = "open-war") => TestPapers.Request(TestPapers.Paper(slug: slug));

    private static Task<PublishResult> PublishAsync(PublicationRequest request, SitePublisher? publisher = null) =>
        (publisher ?? SiteFixture.Publisher()).PublishAsync(request, new InMemorySiteStore(), CancellationToken.None);

    private static readonly Dictionary<string, (Func<Task<PublishResult>> Publish, string Expected)> Cases = new()
    {
        ["HP0701"] = (() => PublishAsync(Paper(slug: "Bad Slug")),
            "Bad Slug.md(1,1): error HP0701: The slug 'Bad Slug' cannot name a web address: use 1–100 lower-case letters, digits and hyphens, not starting or ending with a hyphen."),
        ["HP0702"] = (() => PublishAsync(Paper() with { Pdf = Encoding.ASCII.GetBytes("<html>") }),
            "open-war.md(1,1): error HP0702: The approved file is not a PDF (it does not start with %PDF-): render the paper again and approve the new PDF."),
        ["HP0703"] = (() => PublishAsync(Paper() with { PageCount = 0 }),
            "open-war.md(1,1): error HP0703: The PDF is said to have 0 pages: render the paper again so its page count is known."),
        ["HP0704"] = (() => PublishAsync(Paper() with { Revision = "xyz" }),
            "open-war.md(1,1): error HP0704: The revision id must be the SHA-256 of the source in 64 lower-case hex digits: publish through the pipeline, which computes it."),
        ["HP0705"] = (() => PublishAsync(Paper() with { CoverImage = Encoding.ASCII.GetBytes("GIF89a") }),
            "open-war.md(1,1): warning HP0705: The cover image is neither PNG nor JPEG, so the web page shows no cover: save it as PNG or JPEG."),
        ["HP0706"] = (() => PublishAsync(TestPapers.Request(TestPapers.Paper(body:
                [.. TestPapers.StandardBody(), new Figure(24, "images/map.png", "A map", null)]))),
            "open-war.md(1,1): warning HP0706: The figure 'images/map.png' is missing or is neither PNG nor JPEG, so the web page shows its alt text instead."),
        ["HP0707"] = (SupersededAsync,
            "open-war.md(1,1): error HP0707: This revision was already replaced on the site by a later correction, so it is not published again: approve the current revision instead."),
        ["HP0708"] = (ListingsStillChangingAsync,
            "open-war.md(1,1): warning HP0708: Other papers kept being published while the listings were rebuilt; this paper is in the catalogue, and the next publish (or running this one again) brings the listings up to date."),
        ["HP0720"] = (SlugTakenAsync,
            "open-war.md(1,1): error HP0720: The web address 'open-war' already belongs to \"Open War\" by Anna Kovács; this draft, \"Open-War!\" by Béla Nagy, is another paper (other title, other authors), so it would replace it. Give this draft its own 'slug:'; if it corrects that paper, keep its title or an author, or add 'corrects: open-war' to its front matter."),
        ["HP0721"] = (() => PublishAsync(Correcting(Paper(), new SourcePosition(8, 11))),
            "open-war.md(8,11): error HP0721: corrects names 'open-war', but no paper is published at that address, so there is nothing to correct: remove 'corrects:' to publish this as a new paper, or check the slug."),
        ["HP0709"] = (CatalogueBusyAsync,
            "open-war.md(1,1): error HP0709: The catalogue changed 1 times while this paper was being added (many papers published at once). Nothing is broken: publish it again."),
        ["HP0710"] = (() => PublishAsync(Twin("nyitott-haboru", PaperLanguage.Hungarian, "open-war")),
            "nyitott-haboru.md(7,17): warning HP0710: translation_of names 'open-war', which is not on the site yet; the two pages link each other once it is published (check the slug if it is)."),
        ["HP0711"] = (() => TwinAfterAsync(Twin("open-war-2", PaperLanguage.English, "open-war")),
            "open-war-2.md(7,17): warning HP0711: translation_of names 'open-war', which is also in English, so the pages are not linked as translations: name the paper in the other language."),
        ["HP0712"] = (TwinTakenAsync,
            "masik-forditas.md(7,17): warning HP0712: translation_of names 'open-war', but it (or this paper) is already paired with another translation, so the pages are not linked: correct translation_of on one of the papers."),
    };

    // A draft that says it corrects the paper at its own slug, with corrects written at the given place.
    private static PublicationRequest Correcting(PublicationRequest request, SourcePosition at) => request with
    {
        Perspective = request.Perspective with { Metadata = request.Perspective.Metadata with { Corrects = request.Perspective.Metadata.Slug, CorrectsAt = at } },
    };

    // A paper naming its twin, with translation_of written on line 7, column 17 of its draft.
    private static PublicationRequest Twin(string slug, PaperLanguage language, string translationOf)
    {
        var paper = TestPapers.Paper(slug: slug, language: language);
        return TestPapers.Request(paper with
        {
            Metadata = paper.Metadata with { TranslationOf = translationOf, TranslationOfAt = new SourcePosition(7, 17) },
        }, revisionSource: slug);
    }

    private static async Task<PublishResult> TwinAfterAsync(PublicationRequest request, params PublicationRequest[] before)
    {
        var store = new InMemorySiteStore();
        var publisher = SiteFixture.Publisher();
        await publisher.PublishAsync(Paper(), store, CancellationToken.None);
        foreach (var earlier in before) await publisher.PublishAsync(earlier, store, CancellationToken.None);
        return await publisher.PublishAsync(request, store, CancellationToken.None);
    }

    // open-war already has its Hungarian twin; a second Hungarian paper names it too.
    private static Task<PublishResult> TwinTakenAsync() =>
        TwinAfterAsync(Twin("masik-forditas", PaperLanguage.Hungarian, "open-war"), Twin("nyitott-haboru", PaperLanguage.Hungarian, "open-war"));

    public static TheoryData<string> Codes() => [.. PublicationDiagnosticCatalog.All.Select(d => d.Code)];

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task EveryCode_HasARequestThatProducesIt(string code)
    {
        Assert.Null(await ProblemWithAsync(code));
    }

    [Fact]
    public async Task EveryCode_HasARequest_FailsForACodeWithoutACase_OrACaseThatDoesNotProduceIt()
    {
        // The check above must be able to fail: a made-up code has no case, and HP0701's request read as if it
        // were HP0702's does not print HP0702's line.
        Assert.NotNull(await ProblemWithAsync("HP0799"));
        Assert.NotNull(await ProblemWithAsync("HP0702", (Cases["HP0701"].Publish, Cases["HP0702"].Expected)));
    }

    // Issue 15: another paper under a slug already published (SlugCollisionTests has the whole story).
    private static async Task<PublishResult> SlugTakenAsync()
    {
        var store = new InMemorySiteStore();
        await SiteFixture.Publisher().PublishAsync(TestPapers.Request(TestPapers.Paper(title: "Open War", authors: [new Format.Author("Anna Kovács", null)])), store, CancellationToken.None);
        return await SiteFixture.Publisher().PublishAsync(TestPapers.Request(TestPapers.Paper(title: "Open-War!", authors: [new Format.Author("Béla Nagy", null)]), revisionSource: "r2"), store, CancellationToken.None);
    }

    private static async Task<string?> ProblemWithAsync(string code) =>
        Cases.TryGetValue(code, out var @case)
            ? await ProblemWithAsync(code, @case)
            : $"{code} has no case in {nameof(PublicationDiagnosticTests)}; add a request that produces it.";

    private static async Task<string?> ProblemWithAsync(string code, (Func<Task<PublishResult>> Publish, string Expected) @case)
    {
        if (!@case.Expected.Contains($" {code}: ", StringComparison.Ordinal))
            return $"The case of {code} expects another code: {@case.Expected}";
        var result = await @case.Publish();
        var printed = result.Diagnostics.Select(d => d.ToString()).ToList();
        if (!printed.Contains(@case.Expected))
            return $"The case of {code} printed [{string.Join(" | ", printed)}], not {@case.Expected}";
        // An error refuses the publish; warnings alone never do.
        if (result.Diagnostics.Any(d => d.Severity == Severity.Error) == result.Published)
            return $"The case of {code} was {(result.Published ? "published" : "refused")} with [{string.Join(" | ", printed)}]";
        return null;
    }

    // The paper is corrected (r2); then the replaced revision r1 arrives late.
    private static async Task<PublishResult> SupersededAsync()
    {
        var store = new InMemorySiteStore();
        var publisher = SiteFixture.Publisher();
        await publisher.PublishAsync(Paper(), store, CancellationToken.None);
        await publisher.PublishAsync(TestPapers.Request(TestPapers.Paper(), revisionSource: "r2"), store, CancellationToken.None);
        return await publisher.PublishAsync(Paper(), store, CancellationToken.None);
    }

    // One round of listings only, and another paper commits while the first listing page is written.
    private static async Task<PublishResult> ListingsStillChangingAsync()
    {
        var store = new InMemorySiteStore();
        var publisher = new SitePublisher(SiteFixture.Renderer, new SitePublisherOptions { MaxListingRounds = 1, RetryDelay = _ => TimeSpan.Zero });
        var other = TestPapers.Request(TestPapers.Paper(slug: "other", title: "Other"));
        var hooked = new HookedSiteStore(store, "index.html", () => publisher.PublishAsync(other, store, CancellationToken.None));
        return await publisher.PublishAsync(Paper(), hooked, CancellationToken.None);
    }

    // One catalogue attempt only, and another paper commits the catalogue just before this publish writes it.
    private static async Task<PublishResult> CatalogueBusyAsync()
    {
        var store = new InMemorySiteStore();
        var publisher = SiteFixture.Publisher(maxCatalogueAttempts: 1);
        var other = TestPapers.Request(TestPapers.Paper(slug: "other", title: "Other"));
        var hooked = new HookedSiteStore(store, SitePaths.Catalogue, () => publisher.PublishAsync(other, store, CancellationToken.None));
        return await publisher.PublishAsync(Paper(), hooked, CancellationToken.None);
    }
}
