using HiiaPublish.Format;

namespace HiiaPublish.Format.Tests.Format;

public sealed class FolderDraftAssetsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hiia-assets-").FullName;

    public FolderDraftAssetsTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "draft", "images"));
        File.WriteAllBytes(Path.Combine(_root, "draft", "images", "map.png"), [1, 2, 3]);
        File.WriteAllBytes(Path.Combine(_root, "secret.png"), [9]);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void ReadsFilesInsideTheFolder()
    {
        var assets = new FolderDraftAssets(Path.Combine(_root, "draft"));

        Assert.True(assets.Exists("images/map.png"));
        Assert.Equal([1, 2, 3], assets.TryRead("images/map.png"));
        Assert.Null(assets.TryRead("images/none.png"));
    }

    [Theory]
    [InlineData("../secret.png")]
    [InlineData("images/../../secret.png")]
    [InlineData("images\\map.png")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/secret.png")]
    [InlineData("images/map.png\0.txt")]
    [InlineData("")]
    public void RefusesPathsThatCouldLeaveTheFolder(string path)
    {
        var assets = new FolderDraftAssets(Path.Combine(_root, "draft"));

        Assert.False(assets.Exists(path));
        Assert.Null(assets.TryRead(path));
    }
}
