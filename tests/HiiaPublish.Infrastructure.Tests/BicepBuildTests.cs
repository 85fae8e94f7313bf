using HiiaPublish.Infrastructure.Tests.Support;

namespace HiiaPublish.Infrastructure.Tests;

public sealed class BicepBuildTests
{
    public static TheoryData<string> BicepFiles() =>
        new(TestEnvironment.BicepFiles().Select(file => Path.GetRelativePath(TestEnvironment.RepositoryRoot, file)));

    [Fact]
    public void The_infra_folder_has_the_main_template_and_its_modules()
    {
        var files = TestEnvironment.BicepFiles().Select(file => Path.GetRelativePath(TestEnvironment.InfraDirectory, file)).ToList();

        Assert.Contains("main.bicep", files);
        Assert.Contains(Path.Combine("modules", "function-app.bicep"), files);
        Assert.Contains(Path.Combine("modules", "rbac.bicep"), files);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Every_bicep_file_builds_without_a_diagnostic(string relativePath)
    {
        var outputDirectory = Directory.CreateTempSubdirectory("hiia-build-").FullName;
        try
        {
            var run = BicepCli.Build(Path.Combine(TestEnvironment.RepositoryRoot, relativePath), outputDirectory);

            Assert.True(run.ExitCode == 0, run.Describe());
            // The CLI prints type warnings to stderr and still exits 0; any line there is a failure.
            Assert.True(run.Errors.Trim().Length == 0, run.Describe());
            Assert.Single(Directory.GetFiles(outputDirectory, "*.json"));
        }
        finally
        {
            Directory.Delete(outputDirectory, recursive: true);
        }
    }

    [Fact]
    public void A_type_mistake_still_exits_zero_but_is_printed_which_the_build_check_catches()
    {
        using var scratch = new ScratchBicep("""
            resource account 'Microsoft.Storage/storageAccounts@2025-08-01' = {
              name: 'stexample'
              location: resourceGroup().location
              kind: 'StorageV2'
              sku: { name: 'Standard_LRS' }
              properties: { allowSharedKeyAcess: false }
            }
            """);
        var outputDirectory = Path.GetDirectoryName(scratch.FilePath)!;

        var run = BicepCli.Build(scratch.FilePath, outputDirectory);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Warning BCP089", run.Errors);
    }
}
