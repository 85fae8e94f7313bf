namespace HiiaPublish.Format;

/// <summary>A draft as uploaded: its display path, raw bytes, and the files beside it (images).</summary>
public sealed record DraftSource(string FilePath, byte[] Content, IDraftAssets Assets);
