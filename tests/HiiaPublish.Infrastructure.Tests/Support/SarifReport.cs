using System.Text.Json.Nodes;

namespace HiiaPublish.Infrastructure.Tests.Support;

public sealed record SarifResult(string RuleId, string Level, string Message, string Location)
{
    public override string ToString() => $"{Location}: {Level} {RuleId}: {Message}";
}

/// <summary>The results of `bicep lint --diagnostics-format sarif`: every warning and error, type checks included.</summary>
public sealed class SarifReport
{
    private SarifReport(IReadOnlyList<SarifResult> results) => Results = results;

    public IReadOnlyList<SarifResult> Results { get; }

    public string Describe() => Results.Count == 0 ? "no results" : string.Join('\n', Results);

    public static SarifReport Parse(string json)
    {
        var root = JsonNode.Parse(json) ?? throw new FormatException("empty SARIF");
        var results = new List<SarifResult>();
        foreach (var run in root["runs"]?.AsArray() ?? [])
        {
            foreach (var result in run?["results"]?.AsArray() ?? [])
            {
                var location = result?["locations"]?[0]?["physicalLocation"];
                var file = location?["artifactLocation"]?["uri"]?.GetValue<string>() ?? "?";
                var line = location?["region"]?["startLine"]?.GetValue<int>() ?? 0;
                results.Add(new SarifResult(
                    result?["ruleId"]?.GetValue<string>() ?? "?",
                    result?["level"]?.GetValue<string>() ?? "?",
                    result?["message"]?["text"]?.GetValue<string>() ?? "",
                    $"{Path.GetFileName(file)}({line})"));
            }
        }
        return new SarifReport(results);
    }
}
