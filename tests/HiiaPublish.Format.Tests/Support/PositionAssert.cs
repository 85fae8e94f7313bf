using HiiaPublish.Format.Diagnostics;

namespace HiiaPublish.Format.Tests.Support;

/// <summary>Checks that a diagnostic points at a real place in the file, counted independently of the parser.</summary>
internal static class PositionAssert
{
    public static string? Problem(Diagnostic diagnostic, byte[] content)
    {
        var text = System.Text.Encoding.UTF8.GetString(content);
        if (text.StartsWith('\uFEFF')) text = text[1..];
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        if (diagnostic.Line < 1 || diagnostic.Line > lines.Length)
            return $"line {diagnostic.Line} outside 1..{lines.Length}: {diagnostic}";
        var length = lines[diagnostic.Line - 1].Length;
        if (diagnostic.Column < 1 || diagnostic.Column > length + 1)
            return $"column {diagnostic.Column} outside 1..{length + 1} on line {diagnostic.Line}: {diagnostic}";
        return null;
    }

    public static void InsideFile(Diagnostic diagnostic, byte[] content)
    {
        var problem = Problem(diagnostic, content);
        Assert.True(problem is null, problem);
    }
}
