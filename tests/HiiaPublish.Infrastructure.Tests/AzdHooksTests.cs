using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HiiaPublish.Infrastructure.Tests.Support;

namespace HiiaPublish.Infrastructure.Tests;

/// <summary>
/// `azd up` alone, from an empty subscription: azd offers only regions with Flex Consumption, the postprovision hook
/// (posix and PowerShell alike) connects sign-in and prints where to go, and the CI principal's one-time setup grants
/// Contributor plus role assignment of the template's roles only. Read from the built ARM JSON and the scripts.
/// </summary>
[Collection(BuiltInfrastructureCollection.Name)]
public sealed partial class AzdHooksTests(BuiltInfrastructure infrastructure)
{
    // What azd itself puts in a hook's environment besides the template's outputs.
    private static readonly string[] SetByAzd = ["AZURE_SUBSCRIPTION_ID", "AZURE_ENV_NAME"];

    private static string Read(string relativePath) => File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, relativePath));

    private JsonObject Outputs => infrastructure.Template.Root.Template["outputs"]!.AsObject();

    [Fact]
    public void The_location_is_an_azd_location_limited_to_flex_consumption_regions()
    {
        var location = infrastructure.Template.Root.Template["parameters"]!["location"]!;

        Assert.Equal("location", location["metadata"]?["azd"]?["type"]?.GetValue<string>());
        var allowed = location["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        Assert.Contains("westeurope", allowed);
        Assert.Contains("northeurope", allowed);
        Assert.Contains("swedencentral", allowed);
        Assert.Contains("eastus", allowed);
        // Regions without Flex Consumption, and the canary region, are not offered.
        Assert.DoesNotContain("eastus2euap", allowed);
        Assert.DoesNotContain("westindia", allowed);
        Assert.Equal(allowed.Distinct().Count(), allowed.Count);
    }

    [Fact]
    public void Azure_yaml_runs_the_postprovision_hook_on_posix_and_on_windows()
    {
        var azure = YamlDocument.Load("azure.yaml");

        Assert.Equal("sh", azure.Text("hooks", "postprovision", "posix", "shell"));
        Assert.Equal("pwsh", azure.Text("hooks", "postprovision", "windows", "shell"));
        Assert.Equal("./infra/hooks/postprovision.ps1", azure.Text("hooks", "postprovision", "windows", "run"));
        Assert.True(File.Exists(Path.Combine(TestEnvironment.RepositoryRoot, "infra/hooks/postprovision.ps1")));
        Assert.Equal("false", azure.Text("hooks", "postprovision", "windows", "continueOnError"));
    }

    [Theory]
    [InlineData("infra/hooks/postprovision.sh")]
    [InlineData("infra/hooks/postprovision.ps1")]
    public void Every_variable_a_hook_reads_is_a_template_output_or_set_by_azd(string hook)
    {
        var read = EnvironmentVariablesIn(Read(hook));

        Assert.NotEmpty(read);
        Assert.All(read, name => Assert.True(Outputs.ContainsKey(name) || SetByAzd.Contains(name), $"{hook} reads {name}, which neither the template nor azd sets"));
    }

    [Fact]
    public void Both_hooks_read_the_same_outputs()
    {
        Assert.Equal(EnvironmentVariablesIn(Read("infra/hooks/postprovision.sh")), EnvironmentVariablesIn(Read("infra/hooks/postprovision.ps1")));
    }

    [Theory]
    [InlineData("infra/hooks/postprovision.sh")]
    [InlineData("infra/hooks/postprovision.ps1")]
    public void A_hook_sets_the_redirect_uri_and_the_federated_credential_and_prints_the_desk_and_the_site(string hook)
    {
        var text = Read(hook);

        Assert.Contains("az ad app update --id", text);
        Assert.Contains("--web-redirect-uris", text);
        Assert.Contains("EASY_AUTH_CALLBACK_URL", text);
        Assert.Contains("az ad app federated-credential create --id", text);
        Assert.Contains("api://AzureADTokenExchange", text);
        Assert.Contains("APP_IDENTITY_PRINCIPAL_ID", text);
        Assert.Contains("EASY_AUTH_ISSUER", text);
        // Each step reads first, so a second `azd up` changes nothing.
        Assert.Contains("az ad app show --id", text);
        Assert.Contains("az ad app federated-credential list --id", text);
        Assert.Contains("Review desk: ", text);
        Assert.Contains("REVIEW_DESK_URL", text);
        Assert.Contains("Site: ", text);
        Assert.Contains("SITE_WEB_ENDPOINT", text);
        // The static-website fallback is in both.
        Assert.Contains("--static-website", text);
    }

    [Fact]
    public void The_outputs_the_hooks_use_for_sign_in_are_the_apps_callback_and_the_issuer_easy_auth_trusts()
    {
        var callback = Outputs["EASY_AUTH_CALLBACK_URL"]!["value"]!.GetValue<string>();
        Assert.Contains("'https://{0}/.auth/login/aad/callback'", callback);
        Assert.Contains("defaultHostName", callback);
        Assert.Contains("'https://{0}/review/'", Outputs["REVIEW_DESK_URL"]!["value"]!.GetValue<string>());
        Assert.Equal("[parameters('authClientId')]", Outputs["AUTH_CLIENT_ID"]!["value"]!.GetValue<string>());
        // The credential's issuer is the one the app's Easy Auth configuration names (modules/easy-auth.bicep).
        var issuer = Outputs["EASY_AUTH_ISSUER"]!["value"]!.GetValue<string>();
        var easyAuth = infrastructure.Template.ResourcesOfType("Microsoft.Web/sites/config").Single();
        var configured = easyAuth.Body["properties"]!.ToJsonString();
        Assert.Contains("environment().authentication.loginEndpoint", issuer);
        Assert.Contains("/v2.0", issuer);
        Assert.Contains("environment().authentication.loginEndpoint", configured);
    }

    [Theory]
    [InlineData("infra/hooks/postprovision.sh")]
    [InlineData("infra/ci-principal.sh")]
    public void A_posix_script_parses(string script)
    {
        var run = Run("sh", "-n", Path.Combine(TestEnvironment.RepositoryRoot, script));
        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.True(File.GetUnixFileMode(Path.Combine(TestEnvironment.RepositoryRoot, script)).HasFlag(UnixFileMode.UserExecute), $"{script} is not executable");
    }

    [Fact]
    public void The_powershell_hook_parses()
    {
        var hook = Path.Combine(TestEnvironment.RepositoryRoot, "infra/hooks/postprovision.ps1");
        if (OnPath("pwsh") is { } pwsh)
        {
            // PowerShell's own parser, where it is installed.
            var run = Run(pwsh, "-NoProfile", "-NonInteractive", "-Command",
                $"$errors = $null; [System.Management.Automation.Language.Parser]::ParseFile('{hook}', [ref]$null, [ref]$errors) | Out-Null; if ($errors.Count) {{ $errors | ForEach-Object {{ $_.ToString() }}; exit 1 }}");
            Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        }
        else
        {
            // No PowerShell here (Debian has none): brackets, quotes and here-strings must balance.
            Assert.Equal([], PowerShellShape.Problems(File.ReadAllText(hook)));
        }
    }

    [Fact]
    public void The_powershell_shape_check_can_fail()
    {
        Assert.NotEmpty(PowerShellShape.Problems("if ($a) { Write-Host 'x' "));
        Assert.NotEmpty(PowerShellShape.Problems("Write-Host \"unterminated"));
        Assert.Empty(PowerShellShape.Problems("# a } in a comment\nif ($a -eq '}') { Write-Host \"{`\"\" }"));
    }

    [Fact]
    public void The_ci_principal_may_assign_exactly_the_roles_the_template_grants_and_is_never_owner()
    {
        var script = Read("infra/ci-principal.sh");

        var granted = GuidPattern().Matches(Regex.Match(script, "granted_roles=\"([^\"]*)\"").Groups[1].Value).Select(m => m.Value).ToHashSet();
        Assert.Equal(RolesTheTemplateAssigns(), granted);
        Assert.Contains("--role Contributor", script);
        Assert.Contains("--role \"Role Based Access Control Administrator\"", script);
        Assert.Contains("--condition \"$condition\" --condition-version \"2.0\"", script);
        Assert.Contains("@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {$granted_roles}", script);
        Assert.Contains("@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {$granted_roles}", script);
        Assert.DoesNotMatch(@"--role\s+""?Owner", script);
    }

    [Fact]
    public void The_ci_principals_federated_credential_matches_the_deploy_jobs_environment()
    {
        var workflow = YamlDocument.Load(".github/workflows/ci.yml");
        var environment = workflow.Text("jobs", "deploy", "environment");

        Assert.Contains($"subject=\"repo:$repo:environment:{environment}\"", Read("infra/ci-principal.sh"));
        var deploy = Read("docs/deploy.md");
        Assert.Contains("sh infra/ci-principal.sh", deploy);
        Assert.DoesNotContain("--role Owner", deploy);
    }

    /// <summary>Every built-in role id a role assignment of the template names, through the module's `roles` variable.</summary>
    private HashSet<string> RolesTheTemplateAssigns()
    {
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assignment in infrastructure.Template.ResourcesOfType("Microsoft.Authorization/roleAssignments"))
        {
            var expression = assignment.Body["properties"]!["roleDefinitionId"]!.GetValue<string>();
            var name = Regex.Match(expression, @"variables\('roles'\)\.(\w+)").Groups[1].Value;
            roles.Add(assignment.Module.Template["variables"]!["roles"]![name]!.GetValue<string>());
        }
        Assert.NotEmpty(roles);
        return roles;
    }

    private static SortedSet<string> EnvironmentVariablesIn(string script)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in ShellVariable().Matches(script)) names.Add(match.Groups[1].Value);
        foreach (Match match in PowerShellVariable().Matches(script)) names.Add(match.Groups[1].Value);
        // The PowerShell hook checks its inputs by name in a list.
        foreach (Match match in QuotedName().Matches(script)) names.Add(match.Groups[1].Value);
        return names;
    }

    [GeneratedRegex(@"\$\{([A-Z][A-Z0-9_]+)")]
    private static partial Regex ShellVariable();

    [GeneratedRegex(@"\$env:([A-Z][A-Z0-9_]+)")]
    private static partial Regex PowerShellVariable();

    [GeneratedRegex(@"'([A-Z][A-Z0-9]*_[A-Z0-9_]+)'")]
    private static partial Regex QuotedName();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();

    private static string? OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, command)).FirstOrDefault(File.Exists);

    private static (int ExitCode, string Output, string Errors) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, errors.Result);
    }
}

/// <summary>
/// Where PowerShell is not installed: a script whose brackets, quotes or here-strings do not balance is refused. Not
/// PowerShell's grammar, but the mistakes an edit of a hook makes (a lost brace, an unclosed string) are caught.
/// </summary>
public static class PowerShellShape
{
    public static List<string> Problems(string script)
    {
        var problems = new List<string>();
        var open = new Stack<(char Bracket, int Line)>();
        var line = 1;
        for (var i = 0; i < script.Length; i++)
        {
            var c = script[i];
            if (c == '\n') { line++; continue; }
            if (c == '#') { while (i + 1 < script.Length && script[i + 1] != '\n') i++; continue; }
            if (c == '`') { i++; continue; }
            if (c is '\'' or '"')
            {
                var start = line;
                var closed = false;
                for (i++; i < script.Length; i++)
                {
                    if (script[i] == '\n') line++;
                    if (c == '"' && script[i] == '`') { i++; continue; }
                    if (script[i] != c) continue;
                    // '' inside a single-quoted string, "" inside a double-quoted one: an escaped quote.
                    if (i + 1 < script.Length && script[i + 1] == c) { i++; continue; }
                    closed = true;
                    break;
                }
                if (!closed) problems.Add($"line {start}: a string is never closed");
                continue;
            }
            if (c is '(' or '{' or '[') open.Push((c, line));
            else if (c is ')' or '}' or ']')
            {
                var expected = c == ')' ? '(' : c == '}' ? '{' : '[';
                if (open.Count == 0 || open.Peek().Bracket != expected) problems.Add($"line {line}: '{c}' closes nothing that is open");
                else open.Pop();
            }
        }
        problems.AddRange(open.Select(o => $"line {o.Line}: '{o.Bracket}' is never closed"));
        return problems;
    }
}
