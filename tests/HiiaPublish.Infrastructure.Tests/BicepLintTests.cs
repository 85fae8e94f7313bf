using HiiaPublish.Infrastructure.Tests.Support;

namespace HiiaPublish.Infrastructure.Tests;

public sealed class BicepLintTests
{
    public static TheoryData<string> BicepFiles() => BicepBuildTests.BicepFiles();

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Every_bicep_file_lints_with_zero_results(string relativePath)
    {
        var report = BicepCli.Lint(Path.Combine(TestEnvironment.RepositoryRoot, relativePath));

        Assert.True(report.Results.Count == 0, report.Describe());
    }

    [Fact]
    public void A_misspelt_property_is_a_result()
    {
        using var scratch = new ScratchBicep("""
            resource account 'Microsoft.Storage/storageAccounts@2025-08-01' = {
              name: 'stexample'
              location: resourceGroup().location
              kind: 'StorageV2'
              sku: { name: 'Standard_LRS' }
              properties: { allowBlobPublicAcess: false }
            }
            """);

        var report = scratch.Lint();

        // BCP089 when the CLI can suggest the intended name, BCP037 otherwise.
        Assert.Contains(report.Results, result => result.RuleId is "BCP089" or "BCP037" && result.Message.Contains("allowBlobPublicAcess"));
    }

    [Fact]
    public void Static_website_on_an_api_version_without_it_is_a_result()
    {
        using var scratch = new ScratchBicep("""
            resource account 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
              name: 'stexample'
            }
            resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
              parent: account
              name: 'default'
              properties: { staticWebsite: { enabled: true, indexDocument: 'index.html' } }
            }
            """);

        var report = scratch.Lint();

        Assert.Contains(report.Results, result => result.RuleId == "BCP037" && result.Message.Contains("staticWebsite"));
    }

    [Fact]
    public void A_wrong_value_type_is_a_result()
    {
        using var scratch = new ScratchBicep("""
            resource account 'Microsoft.Storage/storageAccounts@2025-08-01' existing = {
              name: 'stexample'
            }
            resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2025-08-01' = {
              parent: account
              name: 'default'
              properties: { isVersioningEnabled: 'yes' }
            }
            """);

        var report = scratch.Lint();

        Assert.Contains(report.Results, result => result.RuleId == "BCP036");
    }

    [Fact]
    public void An_unused_parameter_is_an_error_under_the_project_linter_rules()
    {
        using var scratch = new ScratchBicep("""
            param forgotten string
            output region string = resourceGroup().location
            """);

        var report = scratch.Lint();

        Assert.Contains(report.Results, result => result.RuleId == "no-unused-params" && result.Level == "error");
    }

    [Fact]
    public void A_hardcoded_cloud_url_is_an_error_under_the_project_linter_rules()
    {
        using var scratch = new ScratchBicep("""
            output blobEndpoint string = 'https://example.blob.core.windows.net/'
            """);

        var report = scratch.Lint();

        Assert.Contains(report.Results, result => result.RuleId == "no-hardcoded-env-urls" && result.Level == "error");
    }
}
