using HiiaPublish.Infrastructure.Tests.Support;

namespace HiiaPublish.Infrastructure.Tests;

[Collection(BuiltInfrastructureCollection.Name)]
public sealed class FunctionAppTests(BuiltInfrastructure infrastructure)
{
    private ArmResource App => Assert.Single(infrastructure.Template.ResourcesOfType("Microsoft.Web/sites"));

    [Fact]
    public void The_app_runs_dotnet_isolated_10_0()
    {
        Assert.Equal("dotnet-isolated", App.Property("functionAppConfig", "runtime", "name")?.ToString());
        // Azure rejects "10"; the version string must be "10.0".
        Assert.Equal("10.0", App.Property("functionAppConfig", "runtime", "version")?.ToString());
    }

    [Fact]
    public void The_plan_is_flex_consumption()
    {
        var plan = Assert.Single(infrastructure.Template.ResourcesOfType("Microsoft.Web/serverfarms"));

        Assert.Equal("FC1", plan.Body["sku"]?["name"]?.ToString());
        Assert.Equal("FlexConsumption", plan.Body["sku"]?["tier"]?.ToString());
        Assert.Equal("functionapp,linux", App.Body["kind"]?.ToString());
    }

    [Fact]
    public void The_package_is_downloaded_with_the_user_assigned_identity()
    {
        var storage = App.Property("functionAppConfig", "deployment", "storage");

        Assert.Equal("blobContainer", storage?["type"]?.ToString());
        Assert.Equal("UserAssignedIdentity", storage?["authentication"]?["type"]?.ToString());
        Assert.Equal("identity.id", ExpressionTracer.Origin(App.Module, storage!["authentication"]!["userAssignedIdentityResourceId"]!.ToString()));
        Assert.StartsWith("[format('{0}{1}', parameters('privateBlobEndpoint')", storage["value"]?.ToString());
    }

    [Fact]
    public void The_app_runs_only_as_the_user_assigned_identity_over_https()
    {
        Assert.Equal("UserAssigned", App.Body["identity"]?["type"]?.ToString());
        Assert.True(App.Property("httpsOnly")?.GetValue<bool>());
        Assert.Equal("Disabled", App.Property("siteConfig", "ftpsState")?.ToString());
    }

    [Fact]
    public void Scale_settings_are_bounded()
    {
        var scale = App.Property("functionAppConfig", "scaleAndConcurrency");
        var maximum = ExpressionTracer.Resolve(App.Module, scale?["maximumInstanceCount"])?.GetValue<int>();
        var memory = ExpressionTracer.Resolve(App.Module, scale?["instanceMemoryMB"])?.GetValue<int>();

        Assert.InRange(maximum ?? 0, 1, 100);
        Assert.Equal(2048, memory);
    }

    [Fact]
    public void Publishing_passwords_are_switched_off()
    {
        var policies = infrastructure.Template.ResourcesOfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.Equal(2, policies.Count);
        Assert.All(policies, policy => Assert.False(policy.Property("allow")?.GetValue<bool>()));
    }

    [Fact]
    public void Telemetry_only_accepts_entra_tokens()
    {
        var insights = Assert.Single(infrastructure.Template.ResourcesOfType("Microsoft.Insights/components"));

        Assert.True(insights.Property("DisableLocalAuth")?.GetValue<bool>());
        Assert.NotNull(insights.Property("WorkspaceResourceId"));
    }

    [Fact]
    public void Azd_finds_the_app_by_its_service_tag()
    {
        Assert.Contains("'azd-service-name', 'api'", App.Body["tags"]?.ToString());
    }
}
