using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HiiaPublish.Infrastructure.Tests.Support;

/// <summary>
/// Follows an ARM value through module boundaries: a module's parameters('x') to the value its caller
/// passes (or the default), and a caller's reference('module').outputs.y.value to that module's output.
/// Just enough of ARM's expression language to answer "where does this value come from?".
/// </summary>
public static partial class ExpressionTracer
{
    /// <summary>Every expression the value is built from, across modules, the value itself first.</summary>
    public static IReadOnlyList<string> Lineage(ArmModule module, JsonNode? value)
    {
        var seen = new List<string>();
        Collect(module, value, seen, depth: 0);
        return seen;
    }

    /// <summary>
    /// A short name for where a value comes from: "param:x" for a root parameter, "module.output" for a
    /// module output, otherwise the expression itself.
    /// </summary>
    public static string Origin(ArmModule module, string expression)
    {
        var parameter = WholeParameter().Match(expression);
        if (parameter.Success)
        {
            var name = parameter.Groups["name"].Value;
            if (module.Parent is null)
            {
                return "param:" + name;
            }
            var passed = module.CallParameters?[name]?["value"];
            return passed is JsonValue passedValue && passedValue.TryGetValue<string>(out var text)
                ? Origin(module.Parent, text)
                : passed?.ToJsonString() ?? "default:" + name;
        }
        var output = WholeModuleOutput().Match(expression);
        return output.Success ? $"{output.Groups["module"].Value}.{output.Groups["output"].Value}" : expression;
    }

    /// <summary>The literal a value reduces to when it is only passed through parameters; otherwise the node itself.</summary>
    public static JsonNode? Resolve(ArmModule module, JsonNode? value)
    {
        for (var hops = 0; hops < 20; hops++)
        {
            if (value is not JsonValue text || !text.TryGetValue<string>(out var expression))
            {
                return value;
            }
            var parameter = WholeParameter().Match(expression);
            if (!parameter.Success)
            {
                return value;
            }
            var name = parameter.Groups["name"].Value;
            var passed = module.CallParameters?[name]?["value"];
            if (passed is not null && module.Parent is not null)
            {
                (module, value) = (module.Parent, passed);
            }
            else
            {
                value = module.Template["parameters"]?[name]?["defaultValue"];
            }
        }
        return value;
    }

    /// <summary>Resolves variables('name').key inside an expression against the module's variables.</summary>
    public static string ExpandVariables(ArmModule module, string expression) =>
        VariableMember().Replace(expression, match =>
            module.Template["variables"]?[match.Groups["name"].Value]?[match.Groups["key"].Value]?.ToString() ?? match.Value);

    private static void Collect(ArmModule module, JsonNode? value, List<string> seen, int depth)
    {
        // Bicep modules nest a few levels at most; the bound only guards against a reference cycle.
        if (value is null || depth > 16)
        {
            return;
        }
        if (value is JsonObject or JsonArray)
        {
            foreach (var leaf in Leaves(value))
            {
                Collect(module, leaf, seen, depth + 1);
            }
            return;
        }
        var text = value.ToString();
        seen.Add(text);
        foreach (Match parameter in AnyParameter().Matches(text))
        {
            var name = parameter.Groups["name"].Value;
            var passed = module.CallParameters?[name]?["value"];
            if (passed is not null && module.Parent is not null)
            {
                Collect(module.Parent, passed, seen, depth + 1);
            }
            else
            {
                Collect(module, module.Template["parameters"]?[name]?["defaultValue"], seen, depth + 1);
            }
        }
        foreach (Match output in AnyModuleOutput().Matches(text))
        {
            var child = module.Children.SingleOrDefault(candidate => candidate.Symbol == output.Groups["module"].Value);
            if (child is not null)
            {
                Collect(child, child.Template["outputs"]?[output.Groups["output"].Value]?["value"], seen, depth + 1);
            }
        }
    }

    private static IEnumerable<JsonNode> Leaves(JsonNode node) => node switch
    {
        JsonObject obj => obj.Select(pair => pair.Value).OfType<JsonNode>().SelectMany(Leaves),
        JsonArray array => array.OfType<JsonNode>().SelectMany(Leaves),
        _ => [node],
    };

    [GeneratedRegex(@"^\[parameters\('(?<name>[^']+)'\)\]$")]
    private static partial Regex WholeParameter();

    [GeneratedRegex(@"parameters\('(?<name>[^']+)'\)")]
    private static partial Regex AnyParameter();

    [GeneratedRegex(@"^\[reference\('(?<module>[^']+)'\)\.outputs\.(?<output>\w+)\.value\]$")]
    private static partial Regex WholeModuleOutput();

    [GeneratedRegex(@"reference\('(?<module>[^']+)'\)\.outputs\.(?<output>\w+)\.value")]
    private static partial Regex AnyModuleOutput();

    [GeneratedRegex(@"variables\('(?<name>[^']+)'\)\.(?<key>\w+)")]
    private static partial Regex VariableMember();
}
