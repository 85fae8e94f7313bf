using HiiaPublish.Infrastructure.Tests.Checks;
using HiiaPublish.Infrastructure.Tests.Support;

namespace HiiaPublish.Infrastructure.Tests;

[Collection(BuiltInfrastructureCollection.Name)]
public sealed class EasyAuthTests(BuiltInfrastructure infrastructure)
{
    [Fact]
    public void Signing_in_is_required_for_the_api_and_the_review_desk()
    {
        Assert.Empty(EasyAuthInspector.Findings(infrastructure.Template));
    }

    [Fact]
    public void Only_the_health_probe_is_anonymous()
    {
        var auth = Assert.Single(EasyAuthInspector.ReadAll(infrastructure.Template));
        var excluded = ExpressionTracer.Resolve(auth.Module, auth.Property("globalValidation", "excludedPaths"));

        Assert.Equal("[\"/api/health\"]", excluded?.ToJsonString());
    }

    [Fact]
    public void Entra_id_signs_in_with_the_identity_instead_of_a_client_secret()
    {
        var auth = Assert.Single(EasyAuthInspector.ReadAll(infrastructure.Template));
        var registration = auth.Property("identityProviders", "azureActiveDirectory", "registration");

        Assert.Equal("OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID", registration?["clientSecretSettingName"]?.ToString());
        Assert.Equal("[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, tenant().tenantId)]", registration?["openIdIssuer"]?.ToString());
    }

    [Theory]
    [InlineData("/api", "/api/drafts", true)]
    [InlineData("/api/", "/api/drafts", true)]
    [InlineData("/api/*", "/api/drafts", true)]
    [InlineData("/rev*", "/review", true)]
    [InlineData("/", "/review", true)]
    [InlineData("/api/health", "/api/drafts", false)]
    [InlineData("/api/health", "/api/healthy", false)]
    public void An_excluded_path_covers_what_is_below_it(string exclusion, string path, bool covered)
    {
        Assert.Equal(covered, EasyAuthInspector.Covers(exclusion, path));
    }

    [Fact]
    public void An_app_left_open_is_reported()
    {
        using var scratch = new ScratchBicep("""
            param authClientId string
            resource app 'Microsoft.Web/sites@2025-03-01' = {
              name: 'func-example'
              location: resourceGroup().location
              kind: 'functionapp,linux'
            }
            resource auth 'Microsoft.Web/sites/config@2025-03-01' = {
              parent: app
              name: 'authsettingsV2'
              properties: {
                platform: { enabled: true }
                globalValidation: {
                  requireAuthentication: false
                  unauthenticatedClientAction: 'AllowAnonymous'
                  excludedPaths: ['/api/health', '/review']
                }
                identityProviders: {
                  azureActiveDirectory: { enabled: true, registration: { clientId: authClientId } }
                }
              }
            }
            """);

        var findings = EasyAuthInspector.Findings(scratch.Build());

        Assert.Contains(findings, finding => finding.EndsWith("globalValidation.requireAuthentication is not true", StringComparison.Ordinal));
        Assert.Contains(findings, finding => finding.Contains("get 'AllowAnonymous'", StringComparison.Ordinal));
        Assert.Contains(findings, finding => finding.Contains("'/review' is reachable without signing in", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, finding => finding.Contains("'/api/drafts'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_app_without_easy_auth_is_reported()
    {
        using var scratch = new ScratchBicep("""
            resource app 'Microsoft.Web/sites@2025-03-01' = {
              name: 'func-example'
              location: resourceGroup().location
              kind: 'functionapp,linux'
            }
            """);

        var findings = EasyAuthInspector.Findings(scratch.Build());

        Assert.Equal(["1 function app(s) but 0 authsettingsV2 configuration(s)"], findings);
    }
}
