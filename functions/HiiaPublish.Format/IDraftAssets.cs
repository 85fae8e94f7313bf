namespace HiiaPublish.Format;

/// <summary>The files that travel with a draft (cover and figures), addressed by a relative path with '/'.</summary>
public interface IDraftAssets
{
    bool Exists(string relativePath);

    /// <summary>The file's bytes, or null when it does not exist or the path leaves the draft's folder.</summary>
    byte[]? TryRead(string relativePath);
}
