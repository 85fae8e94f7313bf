using System.Text.Json;
using System.Text.Json.Serialization;

namespace HiiaPublish.Workflow;

/// <summary>One JSON shape for records, messages and answers: camelCase names, states in kebab case ("changes-requested").</summary>
public static class WorkflowJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Bounded so a hostile body cannot nest its way into deep recursion.
            MaxDepth = 16,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
