using YamlDotNet.Serialization;

namespace HiiaPublish.Infrastructure.Tests.Support;

/// <summary>A YAML file read as nested dictionaries and lists, addressed by key paths.</summary>
public sealed class YamlDocument(object? root)
{
    public static YamlDocument Load(string relativePath) =>
        new(new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, relativePath))));

    public object? At(params string[] path)
    {
        var node = root;
        foreach (var key in path)
        {
            node = node is Dictionary<object, object> map && map.TryGetValue(key, out var child) ? child : null;
        }
        return node;
    }

    public string? Text(params string[] path) => At(path)?.ToString();

    public IEnumerable<Dictionary<object, object>> Maps(params string[] path) =>
        (At(path) as List<object> ?? []).OfType<Dictionary<object, object>>();
}
