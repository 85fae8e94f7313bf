using System.Reflection;
using HiiaPublish.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace HiiaPublish.Functions.Tests;

/// <summary>
/// The host Program.cs builds, built here the same way (<see cref="FunctionsHost.CreateBuilder"/>): every function
/// class can be made from its services, as the worker makes one per invocation, and telemetry is in it.
/// </summary>
public sealed class ProgramHostTests
{
    private static Microsoft.Extensions.Hosting.IHost BuildHost()
    {
        // As the Functions host passes settings: storage clients are made from these, but nothing connects until a store is used.
        var builder = FunctionsHost.CreateBuilder(["--HiiaStorage:connectionString=UseDevelopmentStorage=true", "--HiiaSite:connectionString=UseDevelopmentStorage=true"]);
        return builder.Build();
    }

    private static IEnumerable<Type> FunctionClasses() => typeof(FunctionsHost).Assembly.GetTypes()
        .Where(type => type.GetMethods().Any(method => method.GetCustomAttribute<FunctionAttribute>() is not null));

    [Fact]
    public void EveryFunctionClass_IsMadeFromTheHostsServices()
    {
        using var host = BuildHost();
        var classes = FunctionClasses().ToList();

        // Fourteen HTTP functions, four queue functions, the sweep's timer and the search index's timer (RouteTableTests names the HTTP ones).
        Assert.Equal(20, classes.Count);
        Assert.Contains(typeof(HiiaPublish.Functions.Timers.SearchIndexFunction), classes);
        foreach (var type in classes)
        {
            using var scope = host.Services.CreateScope();
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
        }
    }

    [Fact]
    public void TheHost_HasTheWorkflowAndItsTracer()
    {
        using var host = BuildHost();

        Assert.NotNull(host.Services.GetRequiredService<WorkflowService>());
        Assert.NotNull(host.Services.GetRequiredService<TracerProvider>());
    }
}
