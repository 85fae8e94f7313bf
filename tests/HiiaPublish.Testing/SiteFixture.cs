using HiiaPublish.Format.Branding;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Site;

namespace HiiaPublish.Testing;

/// <summary>The site renderer and a publisher with immediate retries, built once for all tests.</summary>
public static class SiteFixture
{
    private static readonly Lazy<SiteRenderer> LazyRenderer = new(() => SiteRenderer.Load(TemplatesLocator.Find()));

    public static SiteRenderer Renderer => LazyRenderer.Value;

    public static string TemplatesDirectory => TemplatesLocator.Find();

    /// <summary>Retry pauses are short and fixed so tests are quick and repeatable.</summary>
    public static SitePublisher Publisher(int maxCatalogueAttempts = 60) => new(Renderer, new SitePublisherOptions
    {
        MaxCatalogueAttempts = maxCatalogueAttempts,
        RetryDelay = attempt => TimeSpan.FromMilliseconds(attempt % 5 + 1),
    });
}
