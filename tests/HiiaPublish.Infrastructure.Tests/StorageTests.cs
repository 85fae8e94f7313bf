using HiiaPublish.Infrastructure.Tests.Checks;
using HiiaPublish.Infrastructure.Tests.Support;

namespace HiiaPublish.Infrastructure.Tests;

[Collection(BuiltInfrastructureCollection.Name)]
public sealed class StorageTests(BuiltInfrastructure infrastructure)
{
    [Fact]
    public void There_are_two_accounts_the_private_one_and_the_site()
    {
        var modules = StorageInspector.ReadAll(infrastructure.Template).Select(view => view.Module).Order(StringComparer.Ordinal);

        Assert.Equal(["privateStorage", "siteStorage"], modules);
    }

    [Fact]
    public void Both_accounts_refuse_shared_keys_and_public_blobs_and_keep_versions_and_deleted_blobs()
    {
        Assert.Empty(StorageInspector.Findings(infrastructure.Template));
    }

    [Fact]
    public void The_site_account_the_app_publishes_to_is_the_only_static_website()
    {
        var site = Assert.Single(infrastructure.Template.ResourcesOfType("Microsoft.Web/sites"));
        var publicBaseUrl = Assert.Single(AppSettingInspector.ReadAll(infrastructure.Template), setting => setting.Name == "HiiaSite__publicBaseUrl");
        var publishedTo = ExpressionTracer.Origin(site.Module, publicBaseUrl.Lineage[0]).Split('.')[0];

        var websites = StorageInspector.ReadAll(infrastructure.Template).Where(view => view.StaticWebsiteEnabled);

        Assert.Equal(publishedTo, Assert.Single(websites).Module);
    }

    [Fact]
    public void The_static_website_serves_index_and_404_pages()
    {
        var site = Assert.Single(StorageInspector.ReadAll(infrastructure.Template), view => view.StaticWebsiteEnabled);

        Assert.Equal("2025-08-01", site.BlobService!.Body["apiVersion"]?.ToString());
        Assert.Equal("index.html", site.BlobService.Property("staticWebsite", "indexDocument")?.ToString());
        Assert.Equal("404.html", site.BlobService.Property("staticWebsite", "errorDocument404Path")?.ToString());
    }

    [Fact]
    public void No_container_is_public()
    {
        var containers = infrastructure.Template.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();

        Assert.NotEmpty(containers);
        Assert.All(containers, container => Assert.Equal("None", container.Property("publicAccess")?.ToString()));
    }

    [Fact]
    public void The_private_account_holds_the_workflow_containers_table_and_queues()
    {
        var names = infrastructure.Template.Resources()
            .Where(resource => resource.Module.Symbol == "privateStorage")
            .Select(resource => resource.Body["name"]!.ToString())
            .ToList();

        Assert.Contains(names, name => name.Contains("'drafts', 'previews'", StringComparison.Ordinal));
        Assert.Contains(names, name => name.Contains("'revisions'", StringComparison.Ordinal));
        Assert.Contains(names, name => name.Contains("'render', 'publish', 'render-poison', 'publish-poison'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_open_account_without_soft_delete_is_reported()
    {
        using var scratch = new ScratchBicep("""
            resource account 'Microsoft.Storage/storageAccounts@2025-08-01' = {
              name: 'stexample'
              location: resourceGroup().location
              kind: 'StorageV2'
              sku: { name: 'Standard_LRS' }
              properties: { allowSharedKeyAccess: true, allowBlobPublicAccess: false }
            }
            resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2025-08-01' = {
              parent: account
              name: 'default'
              properties: {
                isVersioningEnabled: true
                deleteRetentionPolicy: { enabled: true, days: 3 }
                containerDeleteRetentionPolicy: { enabled: false }
              }
            }
            """);

        var findings = StorageInspector.Findings(scratch.Build());

        Assert.Equal(3, findings.Count);
        Assert.Contains(findings, finding => finding.Contains("allowSharedKeyAccess is true, expected false", StringComparison.Ordinal));
        Assert.Contains(findings, finding => finding.Contains("deleteRetentionPolicy keeps deleted data 3 days", StringComparison.Ordinal));
        Assert.Contains(findings, finding => finding.Contains("containerDeleteRetentionPolicy is not enabled", StringComparison.Ordinal));
    }

    [Fact]
    public void An_account_that_leaves_public_access_unset_is_reported()
    {
        using var scratch = new ScratchBicep("""
            resource account 'Microsoft.Storage/storageAccounts@2025-08-01' = {
              name: 'stexample'
              location: resourceGroup().location
              kind: 'StorageV2'
              sku: { name: 'Standard_LRS' }
              properties: { allowSharedKeyAccess: false }
            }
            """);

        var findings = StorageInspector.Findings(scratch.Build());

        Assert.Contains(findings, finding => finding.Contains("allowBlobPublicAccess is (unset), expected false", StringComparison.Ordinal));
        Assert.Contains(findings, finding => finding.Contains("no blob service settings", StringComparison.Ordinal));
    }
}
