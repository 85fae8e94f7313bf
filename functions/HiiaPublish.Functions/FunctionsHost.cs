using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using HiiaPublish.Azure;
using HiiaPublish.Functions.WarmUp;
using HiiaPublish.Workflow;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace HiiaPublish.Functions;

/// <summary>
/// The Functions app's host, as Program.cs builds it: the shared registration (AddHiiaPublish) plus OpenTelemetry,
/// exported to Azure Monitor with the app's managed identity, and the renderer's warm-up at start. Public so that a test builds the very same host.
/// </summary>
public static class FunctionsHost
{
    /// <summary>Where Application Insights is; set by infra/modules/function-app.bicep. Without it nothing is exported.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>"ClientId=…;Authorization=AAD": the identity the host signs in to Application Insights with; the worker uses the same.</summary>
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddHiiaPublish(builder.Configuration);
        // Loads the renderer (fonts, patterns, templates, code) when the worker starts, not on the first message.
        builder.Services.AddHostedService<RendererWarmUp>();
        AddTelemetry(builder.Services, builder.Configuration);
        return builder;
    }

    /// <summary>
    /// The worker's OpenTelemetry: the Functions invocation spans (UseFunctionsWorkerDefaults), the workflow's step
    /// spans and render metrics, and every ILogger log; to Azure Monitor when the connection string is set.
    /// Application Insights has local authentication off, so the exporter signs in with the managed identity.
    /// </summary>
    public static IOpenTelemetryBuilder AddTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(WorkflowTelemetry.SourceName))
            .WithMetrics(metrics => metrics.AddMeter(WorkflowTelemetry.SourceName));
        if (configuration[ConnectionStringSetting] is { Length: > 0 } connectionString)
            telemetry.UseAzureMonitorExporter(exporter =>
            {
                exporter.ConnectionString = connectionString;
                exporter.Credential = Credential(configuration[AuthenticationStringSetting]);
            });
        return telemetry;
    }

    /// <summary>
    /// The user-assigned identity named in the authentication string (the same client id the host uses), or the
    /// default chain when none is named (a developer's own sign-in, for a local run against a real workspace).
    /// </summary>
    public static TokenCredential Credential(string? authenticationString)
    {
        var clientId = (authenticationString ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair[1])
            .FirstOrDefault();
        return clientId is { Length: > 0 }
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
    }
}
