using System.Text.Json.Nodes;

namespace HiiaPublish.Infrastructure.Tests.Support;

/// <summary>A built ARM template with its Bicep modules (nested deployments) unfolded into a tree.</summary>
public sealed class ArmTemplate
{
    private ArmTemplate(ArmModule root) => Root = root;

    public ArmModule Root { get; }

    public static ArmTemplate Load(string jsonPath) =>
        new(ArmModule.Create("(root)", JsonNode.Parse(File.ReadAllText(jsonPath))!.AsObject(), parent: null, callParameters: null));

    public IEnumerable<ArmModule> Modules() => Root.SelfAndDescendants();

    public IEnumerable<ArmResource> Resources() => Modules().SelectMany(module => module.Resources);

    public IEnumerable<ArmResource> ResourcesOfType(string type) =>
        Resources().Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One template: the root, or a module's nested template with the parameter values its caller passes.</summary>
public sealed class ArmModule
{
    private readonly List<ArmModule> children = [];
    private readonly List<ArmResource> resources = [];

    private ArmModule(string symbol, JsonObject template, ArmModule? parent, JsonObject? callParameters)
    {
        Symbol = symbol;
        Template = template;
        Parent = parent;
        CallParameters = callParameters;
    }

    public string Symbol { get; }

    public JsonObject Template { get; }

    public ArmModule? Parent { get; }

    public JsonObject? CallParameters { get; }

    public IReadOnlyList<ArmModule> Children => children;

    public IReadOnlyList<ArmResource> Resources => resources;

    internal static ArmModule Create(string symbol, JsonObject template, ArmModule? parent, JsonObject? callParameters)
    {
        var module = new ArmModule(symbol, template, parent, callParameters);
        // languageVersion 2.0 templates key resources by symbolic name; older ones list them.
        IEnumerable<(string Symbol, JsonObject Body)> entries = template["resources"] switch
        {
            JsonObject byName => byName.Select(pair => (pair.Key, pair.Value!.AsObject())),
            JsonArray list => list.Select((node, index) => ($"#{index}", node!.AsObject())),
            _ => [],
        };
        foreach (var (resourceSymbol, body) in entries)
        {
            var resource = new ArmResource(module, resourceSymbol, body);
            if (resource.Type == "Microsoft.Resources/deployments" && body["properties"]?["template"] is JsonObject nested)
            {
                module.children.Add(Create(resourceSymbol, nested, module, body["properties"]?["parameters"] as JsonObject));
            }
            else if (body["existing"]?.GetValue<bool>() != true)
            {
                module.resources.Add(resource);
            }
        }
        return module;
    }

    public IEnumerable<ArmModule> SelfAndDescendants() => children.SelectMany(child => child.SelfAndDescendants()).Prepend(this);

    public ArmModule Child(string symbol) =>
        children.SingleOrDefault(child => child.Symbol == symbol)
        ?? throw new InvalidOperationException($"module '{Symbol}' has no module '{symbol}'");
}

public sealed class ArmResource(ArmModule module, string symbol, JsonObject body)
{
    public ArmModule Module { get; } = module;

    public string Symbol { get; } = symbol;

    public JsonObject Body { get; } = body;

    public string Type => Body["type"]!.GetValue<string>();

    public JsonNode? Property(params string[] path)
    {
        JsonNode? node = Body["properties"];
        foreach (var step in path)
        {
            node = node?[step];
        }
        return node;
    }

    public override string ToString() => $"{Type} '{Symbol}' in module '{Module.Symbol}'";
}
