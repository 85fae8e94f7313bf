namespace HiiaPublish.Functions.Tests.Support;

/// <summary>The tests that share one Azurite (HiiaPublish.Testing's <see cref="AzuriteFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
