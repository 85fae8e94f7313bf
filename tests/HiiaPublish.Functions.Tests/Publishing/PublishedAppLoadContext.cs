using System.Reflection;
using System.Runtime.Loader;

namespace HiiaPublish.Functions.Tests.Publishing;

/// <summary>
/// Loads assemblies from the publish folder as the published app resolves them (its deps.json), not the test's
/// own copies; the framework comes from the shared runtime as it does in Azure.
/// </summary>
public sealed class PublishedAppLoadContext(string appAssembly) : AssemblyLoadContext("published-functions-app", isCollectible: true)
{
    private readonly AssemblyDependencyResolver _resolver = new(appAssembly);

    protected override Assembly? Load(AssemblyName assemblyName) =>
        _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
}
