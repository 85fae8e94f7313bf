using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using HiiaPublish.Azure.Http;
using HiiaPublish.Cli.Commands;
using HiiaPublish.Functions.Http;
using HiiaPublish.Functions.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Tests;

/// <summary>
/// One route table (<see cref="ApiRoutes"/>): the Functions app's HTTP triggers, `hiia serve`'s endpoints, the
/// OpenAPI document's paths and the paths the review desk's script calls are all exactly its routes. Each check
/// is also run once against a deliberately wrong table, to show it fails.
/// </summary>
public class RouteTableTests
{
    private static readonly string[] OperationKeys = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    private static readonly string DeskScripts = Path.Combine(Repository.Root, "templates", "review");

    /// <summary>Every HTTP trigger of the Functions assembly as (function name, method, route), read by reflection.</summary>
    private static List<ApiRoute> Triggers() =>
        typeof(ReviewDeskFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters().Select(p => (Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: p.GetCustomAttribute<HttpTriggerAttribute>())))
            .Where(f => f.Trigger is not null)
            .SelectMany(f => (f.Trigger!.Methods ?? []).Select(method => new ApiRoute(f.Function!.Name, method, f.Trigger.Route!)))
            .ToList();

    /// <summary>`hiia serve`'s endpoints as (endpoint name, method, route pattern), read from the built, unstarted host.</summary>
    private static async Task<List<ApiRoute>> ServeEndpointsAsync()
    {
        await using var app = ServeCommand.Build("UseDevelopmentStorage=true", port: 1);
        return ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(method =>
                new ApiRoute(e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "(unnamed)", method, e.RoutePattern.RawText!)))
            .ToList();
    }

    [Fact]
    public void EveryHttpTrigger_IsARouteOfTheTable_AndEveryRouteOfTheTableIsATrigger()
    {
        var triggers = Triggers();
        Assert.NotEmpty(triggers);
        RouteAssert.Same(ApiRoutes.All, triggers, "the Functions app's HTTP triggers");
    }

    [Fact]
    public void EveryRouteParameter_IsAParameterOfItsFunction()
    {
        // The host binds route values to the function's parameters by name: {rev} needs a parameter named rev.
        var functions = typeof(ReviewDeskFunction).Assembly.GetTypes().SelectMany(t => t.GetMethods())
            .Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null));
        foreach (var function in functions)
        {
            var route = function.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().Single().Route!;
            var names = function.GetParameters().Select(p => p.Name).ToHashSet();
            foreach (Match parameter in Regex.Matches(route, @"\{\**(\w+)"))
                Assert.True(names.Contains(parameter.Groups[1].Value), $"{function.DeclaringType!.Name} has no parameter '{parameter.Groups[1].Value}' for its route {route}.");
        }
    }

    [Fact]
    public async Task ServeEndpoints_AreTheTable_AndItsLocalRoutes_AndNothingElse()
    {
        RouteAssert.Same(ApiRoutes.All.Concat(ServeCommand.LocalRoutes), await ServeEndpointsAsync(), "hiia serve's endpoints");
        // The API is the same in both hosts: what only a laptop has is never under /api.
        Assert.All(ServeCommand.LocalRoutes, route => Assert.DoesNotContain(ApiRoutes.ApiPrefix, route.Template));
    }

    [Fact]
    public void OpenApiPaths_AreTheTablesApiRoutes_AndNothingElse()
    {
        using var document = JsonDocument.Parse(OpenApiDocument.Result().Body);
        var server = document.RootElement.GetProperty("servers")[0].GetProperty("url").GetString();
        Assert.Equal("/api", server);
        var described = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => OperationKeys.Contains(o.Name))
                .Select(operation => (Method: operation.Name.ToUpperInvariant(), Template: (server + path.Name).TrimStart('/'), Operation: operation.Value)))
            .ToList();
        // The document names no function, so routes are compared by method and template.
        RouteAssert.Same(ApiRoutes.Api.Select(r => r with { Name = "" }), described.Select(d => new ApiRoute("", d.Method, d.Template)), "the OpenAPI paths");
        // Everything under /api is in the document; only the desk's HTML is left out.
        Assert.Equal(ApiRoutes.Api, ApiRoutes.All.Where(r => r.Template.StartsWith(ApiRoutes.ApiPrefix, StringComparison.Ordinal)));

        var parameters = document.RootElement.GetProperty("components").GetProperty("parameters");
        foreach (var (_, template, operation) in described)
            foreach (Match parameter in Regex.Matches(template, @"\{(\w+)\}"))
            {
                var name = parameter.Groups[1].Value;
                Assert.True(parameters.TryGetProperty(name, out _), $"the document declares no parameter '{name}'");
                Assert.Contains($"#/components/parameters/{name}", operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("$ref").GetString()));
            }
    }

    [Fact]
    public void TheDesksScript_CallsOnlyRoutesOfTheTable_AndNoOtherDeskScriptCallsTheServer()
    {
        var script = File.ReadAllText(Path.Combine(DeskScripts, "api.js"));
        var calls = DeskCalls(script);
        Assert.Empty(OutsideTheTable(calls));
        // What the desk uses, by the table's names: everything but the probes and the description.
        Assert.Equal(["Approve", "GetDraft", "GetHistory", "GetPreview", "GetSource", "GetText", "ListDrafts", "Me", "Reply", "RequestChanges", "UploadDraft"],
            calls.Select(RouteOf).Select(r => r!.Name).Distinct().Order(StringComparer.Ordinal));

        // api.js is the desk's only way to the server, so its paths are all the desk's paths.
        Assert.Single(Regex.Matches(script, @"\bfetch\("));
        Assert.Contains("fetch(apiRoot + path", script);
        foreach (var other in Directory.GetFiles(DeskScripts, "*.js").Where(f => Path.GetFileName(f) != "api.js"))
            Assert.DoesNotMatch(@"\bfetch\(|XMLHttpRequest|EventSource|WebSocket|['""`]/api\b", File.ReadAllText(other));
    }

    [Fact]
    public async Task EachCheck_FailsOnAWrongTable()
    {
        var triggers = Triggers();
        var extra = new ApiRoute("Extra", ApiRoutes.Get, "api/extra");
        // A route the triggers lack, a trigger the table lacks, and the right template under the wrong method.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => RouteAssert.Same([.. ApiRoutes.All, extra], triggers, "triggers"));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => RouteAssert.Same(ApiRoutes.All.Skip(1), triggers, "triggers"));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => RouteAssert.Same(
            ApiRoutes.All.Select(r => r.Name == "Approve" ? r with { Method = ApiRoutes.Get } : r), triggers, "triggers"));
        var serve = await ServeEndpointsAsync();
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => RouteAssert.Same(ApiRoutes.All, serve, "serve"));

        // The document cannot be made for a route it does not describe, nor describe a route the table lacks.
        Assert.Throws<InvalidOperationException>(() => OpenApiDocument.Build([.. ApiRoutes.Api, extra], OpenApiDocument.Operations()));
        Assert.Throws<InvalidOperationException>(() => OpenApiDocument.Build(ApiRoutes.Api.Skip(1).ToList(), OpenApiDocument.Operations()));

        // Serve will not start with a route it has no handler for, nor with a handler for no route.
        var served = ApiRoutes.All.Concat(ServeCommand.LocalRoutes).ToList();
        await using (var app = WebApplication.CreateSlimBuilder().Build())
            Assert.Contains("without a handler: [Extra]", Assert.Throws<InvalidOperationException>(() =>
                ServeCommand.MapRoutes(app, new ReviewDeskAssets(DeskScripts), [.. served, extra])).Message);
        await using (var app = WebApplication.CreateSlimBuilder().Build())
            Assert.Contains($"without a route: [{served[0].Name}]", Assert.Throws<InvalidOperationException>(() =>
                ServeCommand.MapRoutes(app, new ReviewDeskAssets(DeskScripts), served.Skip(1))).Message);

        // A desk script calling a path the table lacks, or with the wrong method, is found.
        var script = File.ReadAllText(Path.Combine(DeskScripts, "api.js"));
        Assert.Equal([("POST", "/api/drafts/{slug}/revisions/{revision}/aprove")], OutsideTheTable(DeskCalls(script.Replace("}/approve`", "}/aprove`"))));
        Assert.Equal([("PUT", "/api/drafts")], OutsideTheTable(DeskCalls(script.Replace("json('/drafts', { method: 'POST'", "json('/drafts', { method: 'PUT'"))));
    }

    private static List<(string Method, string Path)> OutsideTheTable(IEnumerable<(string Method, string Path)> calls) =>
        calls.Where(call => RouteOf(call) is null).ToList();

    /// <summary>The table's route a call of the desk reaches: same method, same path with any parameter names.</summary>
    private static ApiRoute? RouteOf((string Method, string Path) call) =>
        ApiRoutes.All.SingleOrDefault(r => r.Method == call.Method && Shape("/" + r.Template) == Shape(call.Path));

    private static string Shape(string path) => Regex.Replace(path, @"\{[^}]*\}", "{}");

    /// <summary>
    /// Every call api.js makes through its `json(path, …)` and `call(path, …)` helpers, as method and path:
    /// the path literal with its `${draftPath(…)}`-style helpers expanded and each `${encodeURIComponent(x)}` as
    /// {x}, under the script's apiRoot; the method from the call's options (`method: 'POST'`), else GET.
    /// </summary>
    private static List<(string Method, string Path)> DeskCalls(string script)
    {
        var root = Regex.Match(script, @"const apiRoot = '([^']*)';").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(root), "api.js no longer declares its apiRoot");
        var helpers = Regex.Matches(script, @"const (\w+) = \([^)]*\) => `([^`]*)`;").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var calls = new List<(string, string)>();
        foreach (Match call in Regex.Matches(script, @"\b(?:json|call)\(\s*['`]"))
        {
            var arguments = InsideParentheses(script, call.Index + call.Value.IndexOf('('));
            var path = Regex.Match(arguments, @"^\s*(['`])(.*?)\1", RegexOptions.Singleline).Groups[2].Value;
            var method = Regex.Match(arguments, @"method:\s*'(\w+)'");
            calls.Add((method.Success ? method.Groups[1].Value.ToUpperInvariant() : "GET", root + Expand(path, helpers)));
        }
        return calls;
    }

    private static string Expand(string template, IReadOnlyDictionary<string, string> helpers)
    {
        var expanded = Regex.Replace(template, @"\$\{(\w+)\(([^)]*)\)\}", m =>
            m.Groups[1].Value == "encodeURIComponent" ? "{" + m.Groups[2].Value + "}"
            : helpers.TryGetValue(m.Groups[1].Value, out var helper) ? Expand(helper, helpers)
            : throw new Xunit.Sdk.XunitException($"api.js builds a path with {m.Value}, which this test cannot read; teach it."));
        Assert.DoesNotContain("${", expanded);
        return expanded;
    }

    /// <summary>The text between the parenthesis at <paramref name="open"/> and its partner, skipping string literals.</summary>
    private static string InsideParentheses(string script, int open)
    {
        var depth = 0;
        for (var i = open; i < script.Length; i++)
        {
            var c = script[i];
            if (c is '\'' or '"' or '`')
            {
                for (i++; script[i] != c; i++)
                    if (script[i] == '\\') i++;
            }
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return script[(open + 1)..i];
        }
        throw new Xunit.Sdk.XunitException("api.js has an unclosed call.");
    }
}
