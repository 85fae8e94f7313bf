using System.Text.Json.Nodes;
using HiiaPublish.Infrastructure.Tests.Support;

namespace HiiaPublish.Infrastructure.Tests.Checks;

/// <summary>A storage account with the blob service declared beside it (Bicep declares both in one module).</summary>
public sealed record StorageAccountView(ArmResource Account, ArmResource? BlobService)
{
    public string Module => Account.Module.Symbol;

    public bool StaticWebsiteEnabled =>
        BlobService?.Property("staticWebsite", "enabled")?.GetValue<bool>() == true;
}

public static class StorageInspector
{
    /// <summary>The brief's floor for restoring a deleted or overwritten blob.</summary>
    public const int MinimumSoftDeleteDays = 7;

    public static IReadOnlyList<StorageAccountView> ReadAll(ArmTemplate template) =>
        template.ResourcesOfType("Microsoft.Storage/storageAccounts")
            .Select(account => new StorageAccountView(
                account,
                account.Module.Resources.SingleOrDefault(resource => resource.Type == "Microsoft.Storage/storageAccounts/blobServices")))
            .ToList();

    /// <summary>What would make an account reachable without Entra, or its blobs unrecoverable.</summary>
    public static IReadOnlyList<string> Findings(ArmTemplate template)
    {
        var findings = new List<string>();
        foreach (var view in ReadAll(template))
        {
            var account = view.Account;
            Expect(account, "allowSharedKeyAccess", false, findings);
            Expect(account, "allowBlobPublicAccess", false, findings);
            if (view.BlobService is not { } blobs)
            {
                findings.Add($"{account}: no blob service settings, so no versioning or soft delete");
                continue;
            }
            Expect(blobs, "isVersioningEnabled", true, findings);
            foreach (var policy in new[] { "deleteRetentionPolicy", "containerDeleteRetentionPolicy" })
            {
                var enabled = ExpressionTracer.Resolve(blobs.Module, blobs.Property(policy, "enabled"));
                var days = ExpressionTracer.Resolve(blobs.Module, blobs.Property(policy, "days"));
                if (enabled is not JsonValue on || !on.TryGetValue<bool>(out var isOn) || !isOn)
                {
                    findings.Add($"{blobs}: {policy} is not enabled");
                }
                else if (days is not JsonValue daysValue || !daysValue.TryGetValue<int>(out var count) || count < MinimumSoftDeleteDays)
                {
                    findings.Add($"{blobs}: {policy} keeps deleted data {days?.ToJsonString() ?? "(unset)"} days, fewer than {MinimumSoftDeleteDays}");
                }
            }
        }
        return findings;
    }

    private static void Expect(ArmResource resource, string property, bool expected, List<string> findings)
    {
        var value = ExpressionTracer.Resolve(resource.Module, resource.Property(property));
        if (value is not JsonValue literal || !literal.TryGetValue<bool>(out var actual) || actual != expected)
        {
            findings.Add($"{resource}: {property} is {value?.ToJsonString() ?? "(unset)"}, expected {expected.ToString().ToLowerInvariant()}");
        }
    }
}
