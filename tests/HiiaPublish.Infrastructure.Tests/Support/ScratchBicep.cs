namespace HiiaPublish.Infrastructure.Tests.Support;

/// <summary>
/// A throw-away Bicep file next to a copy of the project's bicepconfig.json, so a deliberately bad
/// snippet is checked by exactly the rules infra/ is checked by.
/// </summary>
public sealed class ScratchBicep : IDisposable
{
    private readonly string directory;

    public ScratchBicep(string source)
    {
        directory = Path.Combine(Path.GetTempPath(), "hiia-bicep-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(TestEnvironment.InfraDirectory, "bicepconfig.json"), Path.Combine(directory, "bicepconfig.json"));
        FilePath = Path.Combine(directory, "main.bicep");
        File.WriteAllText(FilePath, source);
    }

    public string FilePath { get; }

    public SarifReport Lint() => BicepCli.Lint(FilePath);

    public ArmTemplate Build()
    {
        var run = BicepCli.Build(FilePath, directory);
        Assert.True(run.ExitCode == 0, run.Describe());
        return ArmTemplate.Load(Path.Combine(directory, "main.json"));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
