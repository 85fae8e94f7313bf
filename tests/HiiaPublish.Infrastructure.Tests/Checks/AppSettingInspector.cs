using System.Text.Json.Nodes;
using HiiaPublish.Infrastructure.Tests.Support;

namespace HiiaPublish.Infrastructure.Tests.Checks;

public sealed record AppSetting(string Name, IReadOnlyList<string> Lineage);

/// <summary>
/// Reads every function app's app settings and follows each value back through the modules to where
/// it is made, so a key fetched with listKeys() two modules away is found as surely as a literal.
/// </summary>
public static class AppSettingInspector
{
    // Text that only appears in a value that carries a secret or a key-based connection string.
    private static readonly string[] SecretMarkers =
    [
        "listKeys(", "listAccountSas(", "listServiceSas(", "listConnectionStrings(", "listSecrets(",
        "AccountKey=", "SharedAccessSignature", "SharedAccessKey", "InstrumentationKey=", ".InstrumentationKey",
        "DefaultEndpointsProtocol=", "UseDevelopmentStorage",
    ];

    // The Application Insights connection string is the one documented exception: it is how the SDK
    // finds its ingestion endpoint, and with DisableLocalAuth its key cannot ingest without an Entra token.
    private const string TelemetrySetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IReadOnlyList<AppSetting> ReadAll(ArmTemplate template) =>
        template.ResourcesOfType("Microsoft.Web/sites")
            .SelectMany(site => (site.Property("siteConfig", "appSettings") as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(setting => new AppSetting(
                    setting["name"]!.ToString(),
                    ExpressionTracer.Lineage(site.Module, setting["value"]))))
            .ToList();

    public static IReadOnlyList<string> Findings(ArmTemplate template)
    {
        var findings = new List<string>();
        foreach (var setting in ReadAll(template))
        {
            foreach (var marker in SecretMarkers)
            {
                var carrier = setting.Lineage.FirstOrDefault(expression => expression.Contains(marker, StringComparison.OrdinalIgnoreCase));
                if (carrier is not null)
                {
                    findings.Add($"{setting.Name} is built from '{marker}': {carrier}");
                }
            }
            var connectionString = setting.Lineage.FirstOrDefault(expression => expression.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase));
            if (connectionString is not null && setting.Name != TelemetrySetting)
            {
                findings.Add($"{setting.Name} is built from a connection string: {connectionString}");
            }
            if (setting.Name.Contains("connectionString", StringComparison.OrdinalIgnoreCase) && setting.Name != TelemetrySetting
                || setting.Name is "AzureWebJobsStorage" or "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")
            {
                findings.Add($"{setting.Name} is a connection-string setting; use service URIs and the managed identity");
            }
        }
        return findings;
    }
}
