using HiiaPublish.Infrastructure.Tests.Checks;
using HiiaPublish.Infrastructure.Tests.Support;

namespace HiiaPublish.Infrastructure.Tests;

[Collection(BuiltInfrastructureCollection.Name)]
public sealed class AppSettingsTests(BuiltInfrastructure infrastructure)
{
    // The names agreed with the workflow engineer (settings.md), plus the platform setting through
    // which Easy Auth uses the identity's federated credential instead of a client secret.
    private static readonly string[] ExpectedNames =
    [
        "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri",
        "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
        "HiiaStorage__blobServiceUri", "HiiaStorage__queueServiceUri", "HiiaStorage__tableServiceUri", "HiiaStorage__credential", "HiiaStorage__clientId",
        "HiiaSite__blobServiceUri", "HiiaSite__clientId", "HiiaSite__publicBaseUrl",
        "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        "OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID",
    ];

    [Fact]
    public void The_app_gets_exactly_the_agreed_settings()
    {
        var names = AppSettingInspector.ReadAll(infrastructure.Template).Select(setting => setting.Name);

        Assert.Equal(ExpectedNames.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_setting_holds_a_key_a_sas_or_a_storage_connection_string()
    {
        Assert.Empty(AppSettingInspector.Findings(infrastructure.Template));
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__clientId", "identity.clientId")]
    [InlineData("HiiaStorage__clientId", "identity.clientId")]
    [InlineData("HiiaSite__clientId", "identity.clientId")]
    [InlineData("HiiaStorage__blobServiceUri", "privateStorage.blobEndpoint")]
    [InlineData("AzureWebJobsStorage__queueServiceUri", "privateStorage.queueEndpoint")]
    [InlineData("HiiaSite__blobServiceUri", "siteStorage.blobEndpoint")]
    [InlineData("HiiaSite__publicBaseUrl", "siteStorage.webEndpoint")]
    public void Connections_are_the_identity_and_service_uris(string name, string origin)
    {
        var site = Assert.Single(infrastructure.Template.ResourcesOfType("Microsoft.Web/sites"));
        var setting = Assert.Single(AppSettingInspector.ReadAll(infrastructure.Template), candidate => candidate.Name == name);

        Assert.Equal(origin, ExpressionTracer.Origin(site.Module, setting.Lineage[0]));
    }

    [Fact]
    public void Storage_is_reached_with_the_managed_identity()
    {
        var credential = Assert.Single(AppSettingInspector.ReadAll(infrastructure.Template), setting => setting.Name == "AzureWebJobsStorage__credential");
        var telemetryAuth = Assert.Single(AppSettingInspector.ReadAll(infrastructure.Template), setting => setting.Name == "APPLICATIONINSIGHTS_AUTHENTICATION_STRING");

        Assert.Equal("managedidentity", credential.Lineage[0]);
        Assert.EndsWith(";Authorization=AAD', parameters('identityClientId'))]", telemetryAuth.Lineage[0]);
    }

    [Fact]
    public void The_local_development_header_trust_is_never_set_in_azure()
    {
        var names = AppSettingInspector.ReadAll(infrastructure.Template).Select(setting => setting.Name);

        Assert.DoesNotContain("Hiia__TrustClientPrincipalHeaderForLocalDevelopment", names);
    }

    [Fact]
    public void A_key_fetched_in_another_module_is_found()
    {
        using var scratch = new ScratchBicep("""
            param location string = resourceGroup().location
            module store 'store.bicep' = {
              params: { location: location }
            }
            resource app 'Microsoft.Web/sites@2025-03-01' = {
              name: 'func-example'
              location: location
              kind: 'functionapp,linux'
              properties: {
                siteConfig: {
                  appSettings: [
                    { name: 'HiiaStorage__blobServiceUri', value: store.outputs.connection }
                  ]
                }
              }
            }
            """);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(scratch.FilePath)!, "store.bicep"), """
            param location string
            resource account 'Microsoft.Storage/storageAccounts@2025-08-01' = {
              name: 'stexample'
              location: location
              kind: 'StorageV2'
              sku: { name: 'Standard_LRS' }
            }
            #disable-next-line outputs-should-not-contain-secrets
            output connection string = 'DefaultEndpointsProtocol=https;AccountName=${account.name};AccountKey=${account.listKeys().keys[0].value}'
            """);

        var findings = AppSettingInspector.Findings(scratch.Build());

        Assert.Contains(findings, finding => finding.StartsWith("HiiaStorage__blobServiceUri is built from 'listKeys('", StringComparison.Ordinal));
        Assert.Contains(findings, finding => finding.StartsWith("HiiaStorage__blobServiceUri is built from 'AccountKey='", StringComparison.Ordinal));
    }

    [Fact]
    public void An_instrumentation_key_or_a_connection_string_setting_is_found()
    {
        using var scratch = new ScratchBicep("""
            resource app 'Microsoft.Web/sites@2025-03-01' = {
              name: 'func-example'
              location: resourceGroup().location
              kind: 'functionapp,linux'
              properties: {
                siteConfig: {
                  appSettings: [
                    { name: 'APPINSIGHTS_INSTRUMENTATIONKEY_OLD', value: 'InstrumentationKey=00000000-0000-0000-0000-000000000000' }
                    { name: 'HiiaSite__connectionString', value: 'BlobEndpoint=https://example/;SharedAccessSignature=sv=1' }
                  ]
                }
              }
            }
            """);

        var findings = AppSettingInspector.Findings(scratch.Build());

        Assert.Contains(findings, finding => finding.StartsWith("APPINSIGHTS_INSTRUMENTATIONKEY_OLD is built from 'InstrumentationKey='", StringComparison.Ordinal));
        Assert.Contains(findings, finding => finding.StartsWith("HiiaSite__connectionString is built from 'SharedAccessSignature'", StringComparison.Ordinal));
        Assert.Contains(findings, finding => finding.StartsWith("HiiaSite__connectionString is a connection-string setting", StringComparison.Ordinal));
    }
}
