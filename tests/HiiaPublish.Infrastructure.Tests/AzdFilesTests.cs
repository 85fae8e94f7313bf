using System.Text.Json.Nodes;
using HiiaPublish.Infrastructure.Tests.Support;

namespace HiiaPublish.Infrastructure.Tests;

/// <summary>The files azd and GitHub read: they must agree with the template and with each other.</summary>
[Collection(BuiltInfrastructureCollection.Name)]
public sealed class AzdFilesTests(BuiltInfrastructure infrastructure)
{
    [Fact]
    public void The_parameters_file_gives_every_required_parameter_from_the_azd_environment()
    {
        var declared = infrastructure.Template.Root.Template["parameters"]!.AsObject();
        var given = JsonNode.Parse(File.ReadAllText(Path.Combine(TestEnvironment.InfraDirectory, "main.parameters.json")))!["parameters"]!.AsObject();

        var required = declared.Where(pair => pair.Value?["defaultValue"] is null).Select(pair => pair.Key);
        Assert.All(required, name => Assert.True(given.ContainsKey(name), $"main.parameters.json does not set '{name}'"));
        Assert.All(given, pair => Assert.True(declared.ContainsKey(pair.Key), $"main.parameters.json sets unknown parameter '{pair.Key}'"));
        Assert.Equal("${AZURE_ENV_NAME}", given["environmentName"]?["value"]?.ToString());
        Assert.Equal("${AZURE_LOCATION}", given["location"]?["value"]?.ToString());
        Assert.Equal("${AZURE_PRINCIPAL_ID}", given["principalId"]?["value"]?.ToString());
        Assert.Equal("${AUTH_CLIENT_ID}", given["authClientId"]?["value"]?.ToString());
    }

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_from_infra()
    {
        var azure = YamlDocument.Load("azure.yaml");

        Assert.Equal("./functions/HiiaPublish.Functions", azure.Text("services", "api", "project"));
        Assert.Equal("dotnet", azure.Text("services", "api", "language"));
        Assert.Equal("function", azure.Text("services", "api", "host"));
        Assert.Equal("infra", azure.Text("infra", "path"));
        Assert.Equal("main", azure.Text("infra", "module"));
    }

    [Fact]
    public void The_postprovision_hook_exists_is_executable_and_enables_the_static_website()
    {
        var azure = YamlDocument.Load("azure.yaml");
        var run = azure.Text("hooks", "postprovision", "posix", "run");
        Assert.Equal("./infra/hooks/postprovision.sh", run);

        var script = Path.Combine(TestEnvironment.RepositoryRoot, run!);
        Assert.True(File.Exists(script), script);
        Assert.True(File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute), $"{run} is not executable");
        var text = File.ReadAllText(script);
        Assert.Contains("--static-website", text);
        Assert.Contains("--index-document index.html", text);
        Assert.Contains("--404-document 404.html", text);
        Assert.Contains("--auth-mode login", text);
    }

    [Fact]
    public void Every_output_the_hook_reads_is_a_template_output()
    {
        var outputs = infrastructure.Template.Root.Template["outputs"]!.AsObject().Select(pair => pair.Key).ToHashSet();

        Assert.Contains("SITE_STORAGE_ACCOUNT_NAME", outputs);
        Assert.Contains("AZURE_RESOURCE_GROUP", outputs);
        Assert.Contains("SITE_WEB_ENDPOINT", outputs);
        Assert.Contains("FUNCTION_APP_NAME", outputs);
        Assert.Contains("APP_IDENTITY_PRINCIPAL_ID", outputs);
    }

    [Fact]
    public void Ci_runs_the_full_test_script_before_anything_deploys()
    {
        var workflow = YamlDocument.Load(".github/workflows/ci.yml");

        var testSteps = workflow.Maps("jobs", "build-test", "steps").Select(step => step.GetValueOrDefault("run")?.ToString());
        Assert.Contains("bash scripts/test.sh", testSteps);
        Assert.Equal("build-test", workflow.Text("jobs", "deploy", "needs"));
    }

    [Fact]
    public void Ci_deploys_only_from_main_to_production_with_federated_credentials()
    {
        var workflow = YamlDocument.Load(".github/workflows/ci.yml");

        Assert.Equal("production", workflow.Text("jobs", "deploy", "environment"));
        Assert.Equal("github.event_name == 'push' && github.ref == 'refs/heads/main'", workflow.Text("jobs", "deploy", "if"));
        Assert.Equal("write", workflow.Text("jobs", "deploy", "permissions", "id-token"));
        Assert.Equal("read", workflow.Text("permissions", "contents"));
        var runs = string.Join('\n', workflow.Maps("jobs", "deploy", "steps").Select(step => step.GetValueOrDefault("run")?.ToString()));
        Assert.Contains("--federated-credential-provider github", runs);
        Assert.Contains("azd provision --no-prompt", runs);
        Assert.Contains("azd deploy --no-prompt", runs);
        Assert.DoesNotContain("secrets.", File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, ".github/workflows/ci.yml")));
    }
}
