using HiiaPublish.Pdf.Audit;
using HiiaPublish.Azure.Http;
using HiiaPublish.Azure.Search;
using HiiaPublish.Azure.Storage;
using HiiaPublish.Azure.Workflow;
using HiiaPublish.Format.Branding;
using HiiaPublish.Format;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Rendering;
using HiiaPublish.Site;
using HiiaPublish.Site.Storage;
using HiiaPublish.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace HiiaPublish.Azure;

/// <summary>The one registration of the workflow, used by the Functions app and by `hiia serve` alike.</summary>
public static class HiiaPublishServiceCollectionExtensions
{
    public const string TrustHeaderSetting = "Hiia:TrustClientPrincipalHeaderForLocalDevelopment";
    public const string PlatformAuthSetting = "WEBSITE_AUTH_ENABLED";

    /// <param name="host">What this host adds (a decorated work queue, its own sign-in); null for the Functions app.</param>
    public static IServiceCollection AddHiiaPublish(this IServiceCollection services, IConfiguration configuration, HiiaPublishHostOptions? host = null)
    {
        var storage = new StorageEndpoints(configuration.GetSection(StorageEndpoints.WorkflowConnection));
        var site = new StorageEndpoints(configuration.GetSection(StorageEndpoints.SiteConnection));
        var publicBaseUrl = configuration[$"{StorageEndpoints.SiteConnection}:publicBaseUrl"];

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IRevisionStore>(_ => new TableRevisionStore(storage.TableService().GetTableClient(TableRevisionStore.TableName)));
        services.AddSingleton<IDraftStore>(_ => new BlobDraftStore(storage.BlobService()));
        services.AddSingleton<IWorkQueue>(sp =>
        {
            var queue = new QueueWorkQueue(storage.QueueService());
            return host?.DecorateWorkQueue is { } decorate ? decorate(queue, sp) : queue;
        });
        services.AddSingleton<IFailedMessageStore>(_ => new BlobFailedMessageStore(storage.BlobService()));
        services.AddSingleton<ISiteStore>(_ => new BlobSiteStore(site.BlobService().GetBlobContainerClient(BlobSiteStore.WebContainerName)));
        // The site's search index, kept by a timer (SearchIndexFunction, `hiia serve`'s loop) that folds segments; its manifest is private;
        services.AddSingleton(sp => new SiteSearchIndexer(sp.GetRequiredService<ISiteStore>(),
            new BlobSiteStore(storage.BlobService().GetBlobContainerClient(SiteSearchIndexer.ContainerName)),
            SiteSearchIndexer.DefaultCacheFolder(site.BlobService().Uri.AbsoluteUri), sp.GetRequiredService<ILogger<SiteSearchIndexer>>()));
        // and after each publish, for the pages it wrote (a segment), so a published paper is searchable straight away.
        services.AddSingleton<HiiaPublish.Site.Search.ISiteSearchUpdater>(sp => sp.GetRequiredService<SiteSearchIndexer>());

        // Parser, renderer and site templates are immutable and expensive to build: one of each per process.
        services.AddSingleton(_ => new PerspectiveParser());
        services.AddSingleton<IPreviewRenderer>(_ => new PerspectivePreviewRenderer(new PerspectiveRenderer(TemplatesLocator.Find())));
        services.AddSingleton(_ => new SitePublisher(SiteRenderer.Load(TemplatesLocator.Find(),
            string.IsNullOrWhiteSpace(publicBaseUrl) ? null : new SiteOptions { BaseUrl = publicBaseUrl.TrimEnd('/') + "/" })));
        // The audit every preview passes before it may be approved; one per process, it holds no state.
        services.AddSingleton<IPdfAudit>(_ => new PdfAuditor());
        services.AddSingleton<WorkflowService>();

        services.AddSingleton(_ => new ClientPrincipalReader(TrustsPrincipalHeader(configuration)));
        services.AddSingleton<DraftsApi>();
        services.AddSingleton(host?.SignIn ?? ReviewDeskSignIn.EasyAuth(ReviewDeskAssets.DeskPath));
        services.AddSingleton<ReviewDeskApi>();
        return services;
    }

    /// <summary>True only when the platform's authentication is on, or a developer explicitly trusts the header locally.</summary>
    public static bool TrustsPrincipalHeader(IConfiguration configuration) =>
        IsTrue(configuration[PlatformAuthSetting]) || IsTrue(configuration[TrustHeaderSetting]);

    private static bool IsTrue(string? value) => bool.TryParse(value, out var flag) && flag;
}
