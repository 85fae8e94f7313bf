using HiiaPublish.Infrastructure.Tests.Checks;
using HiiaPublish.Infrastructure.Tests.Support;

namespace HiiaPublish.Infrastructure.Tests;

[Collection(BuiltInfrastructureCollection.Name)]
public sealed class RoleAssignmentTests(BuiltInfrastructure infrastructure)
{
    private const string PrivateAccount = "Microsoft.Storage/storageAccounts:privateStorage.name";
    private const string SiteAccount = "Microsoft.Storage/storageAccounts:siteStorage.name";
    private const string AppInsights = "Microsoft.Insights/components:monitoring.appInsightsName";

    // What the app's identity needs and nothing else: host storage and the app's data on the private
    // account, writing the site, publishing telemetry.
    private static readonly RoleGrant[] AppIdentityGrants =
    [
        new("identity.principalId", RoleNames.StorageBlobDataOwner, PrivateAccount),
        new("identity.principalId", RoleNames.StorageQueueDataContributor, PrivateAccount),
        new("identity.principalId", RoleNames.StorageTableDataContributor, PrivateAccount),
        new("identity.principalId", RoleNames.StorageBlobDataContributor, SiteAccount),
        new("identity.principalId", RoleNames.MonitoringMetricsPublisher, AppInsights),
    ];

    // The person or pipeline running azd may publish to the site; nothing on the private data.
    private static readonly RoleGrant[] DeployerGrants =
    [
        new("param:principalId", RoleNames.StorageBlobDataContributor, SiteAccount),
    ];

    [Fact]
    public void The_app_identity_has_exactly_the_intended_roles()
    {
        var grants = RoleGrant.ReadAll(infrastructure.Template).Where(grant => grant.Principal == "identity.principalId");

        Assert.Equal(Describe(AppIdentityGrants), Describe(grants));
    }

    [Fact]
    public void No_role_is_assigned_beyond_the_app_identity_and_the_deployer_site_role()
    {
        var grants = RoleGrant.ReadAll(infrastructure.Template);

        Assert.Equal(Describe(AppIdentityGrants.Concat(DeployerGrants)), Describe(grants));
    }

    [Fact]
    public void The_deployer_role_is_only_assigned_when_azd_names_a_principal()
    {
        var deployerAssignment = Assert.Single(
            infrastructure.Template.ResourcesOfType("Microsoft.Authorization/roleAssignments"),
            assignment => assignment.Property("principalId")?.ToString() == "[parameters('deployerPrincipalId')]");

        Assert.Equal("[not(empty(parameters('deployerPrincipalId')))]", deployerAssignment.Body["condition"]?.ToString());
    }

    [Fact]
    public void An_extra_role_in_a_template_is_seen_by_the_reader()
    {
        using var scratch = new ScratchBicep("""
            param appPrincipalId string
            resource contributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
              name: guid(resourceGroup().id, appPrincipalId, 'contributor')
              properties: {
                roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')
                principalId: appPrincipalId
                principalType: 'ServicePrincipal'
              }
            }
            """);

        var grants = RoleGrant.ReadAll(scratch.Build());

        Assert.Equal([new RoleGrant("param:appPrincipalId", RoleNames.Contributor, "the resource group")], grants);
    }

    private static List<string> Describe(IEnumerable<RoleGrant> grants) =>
        grants.Select(grant => grant.ToString()).Order(StringComparer.Ordinal).ToList();
}
