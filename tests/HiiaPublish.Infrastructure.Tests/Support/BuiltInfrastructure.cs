namespace HiiaPublish.Infrastructure.Tests.Support;

/// <summary>infra/main.bicep built once per test run; the assertions read the ARM JSON it produces.</summary>
public sealed class BuiltInfrastructure : IDisposable
{
    private readonly string outputDirectory = Path.Combine(Path.GetTempPath(), "hiia-infra-" + Guid.NewGuid().ToString("N"));

    public BuiltInfrastructure()
    {
        Directory.CreateDirectory(outputDirectory);
        var run = BicepCli.Build(Path.Combine(TestEnvironment.InfraDirectory, "main.bicep"), outputDirectory);
        Assert.True(run.ExitCode == 0, run.Describe());
        Template = ArmTemplate.Load(Path.Combine(outputDirectory, "main.json"));
    }

    public ArmTemplate Template { get; }

    public void Dispose() => Directory.Delete(outputDirectory, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class BuiltInfrastructureCollection : ICollectionFixture<BuiltInfrastructure>
{
    public const string Name = "built infra/main.bicep";
}
