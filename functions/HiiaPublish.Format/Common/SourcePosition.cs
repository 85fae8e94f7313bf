namespace HiiaPublish.Format.Common;

/// <summary>A 1-based line and column in a file (columns count UTF-16 characters of the decoded line).</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition Start = new(1, 1);
}
