using System.Reflection;
using System.Text.Json;
using HiiaPublish.Functions.Http;
using HiiaPublish.Functions.Tests.Support;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Tests;

/// <summary>
/// Where the app answers: the API under /api and the review desk at /review (host.json's route prefix is empty),
/// every HTTP function anonymous at the function level because App Service Authentication is the gate and a
/// browser page cannot hold a function key.
/// </summary>
public class RouteTests
{
    private static IEnumerable<HttpTriggerAttribute> Triggers() =>
        typeof(ReviewDeskFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>();

    [Fact]
    public void HostJson_HasAnEmptyRoutePrefix()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "host.json")));
        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void EveryRoute_IsUnderApi_ExceptTheReviewDesk()
    {
        var routes = Triggers().Select(t => t.Route!).ToList();
        Assert.Contains("review/{*path}", routes);
        Assert.All(routes.Where(r => !r.StartsWith("review/", StringComparison.Ordinal)),
            route => Assert.StartsWith("api/", route));
        Assert.Equal("/review/", ReviewDeskFunction.DeskPath);
    }

    [Fact]
    public void EveryHttpFunction_LeavesAuthenticationToThePlatform()
    {
        Assert.All(Triggers(), trigger => Assert.Equal(AuthorizationLevel.Anonymous, trigger.AuthLevel));
    }
}
