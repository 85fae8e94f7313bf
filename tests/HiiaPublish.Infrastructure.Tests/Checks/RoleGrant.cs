using System.Text.RegularExpressions;
using HiiaPublish.Infrastructure.Tests.Support;

namespace HiiaPublish.Infrastructure.Tests.Checks;

/// <summary>One role assignment, named by where its principal and scope come from (see ExpressionTracer.Origin).</summary>
public sealed partial record RoleGrant(string Principal, string RoleDefinitionGuid, string Scope)
{
    public override string ToString() => $"{Principal} has {RoleNames.Describe(RoleDefinitionGuid)} on {Scope}";

    public static IReadOnlyList<RoleGrant> ReadAll(ArmTemplate template) =>
        template.ResourcesOfType("Microsoft.Authorization/roleAssignments").Select(Read).ToList();

    private static RoleGrant Read(ArmResource assignment)
    {
        var module = assignment.Module;
        var principal = ExpressionTracer.Origin(module, assignment.Property("principalId")?.ToString() ?? "?");
        var roleExpression = ExpressionTracer.ExpandVariables(module, assignment.Property("roleDefinitionId")?.ToString() ?? "");
        var roleGuid = GuidPattern().Matches(roleExpression).LastOrDefault()?.Value ?? roleExpression;
        return new RoleGrant(principal, roleGuid.ToLowerInvariant(), DescribeScope(module, assignment.Body["scope"]?.ToString()));
    }

    // Without a scope property the assignment lands on the deployment's own scope (its resource group).
    private static string DescribeScope(ArmModule module, string? scope)
    {
        if (scope is null)
        {
            return "the resource group";
        }
        var match = ResourceIdPattern().Match(scope);
        return match.Success
            ? $"{match.Groups["type"].Value}:{ExpressionTracer.Origin(module, $"[{match.Groups["name"].Value}]")}"
            : scope;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"^\[resourceId\('(?<type>[^']+)', (?<name>parameters\('[^']+'\))\)\]$")]
    private static partial Regex ResourceIdPattern();
}

public static class RoleNames
{
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    public const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";

    public static string Describe(string guid) => guid switch
    {
        StorageBlobDataOwner => "Storage Blob Data Owner",
        StorageBlobDataContributor => "Storage Blob Data Contributor",
        StorageQueueDataContributor => "Storage Queue Data Contributor",
        StorageTableDataContributor => "Storage Table Data Contributor",
        MonitoringMetricsPublisher => "Monitoring Metrics Publisher",
        Contributor => "Contributor",
        _ => "role " + guid,
    };
}
