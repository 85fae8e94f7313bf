using HiiaPublish.Format.Common;

namespace HiiaPublish.Format.Body;

/// <summary>
/// When Markdig itself refuses a document as too deeply nested it does not say where. This finds the
/// line that most likely is: the one with the most quote and list markers and indentation at its start.
/// </summary>
internal static class NestingEstimate
{
    public static int DeepestLine(SourceText source, int fromLine)
    {
        var deepestLine = Math.Clamp(fromLine, 1, source.LineCount);
        var deepest = -1;
        for (var line = deepestLine; line <= source.LineCount; line++)
        {
            var depth = Depth(source.LineText(line));
            if (depth > deepest)
            {
                deepest = depth;
                deepestLine = line;
            }
        }
        return deepestLine;
    }

    private static int Depth(string line)
    {
        var depth = 0;
        var indent = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == ' ') { indent++; i++; }
            else if (c == '\t') { indent += 4; i++; }
            else if (c == '>') { depth++; i++; }
            else if (c is '-' or '*' or '+' && i + 1 < line.Length && line[i + 1] == ' ') { depth++; i += 2; }
            else if (char.IsAsciiDigit(c))
            {
                var end = i;
                while (end < line.Length && char.IsAsciiDigit(line[end])) end++;
                if (end + 1 < line.Length && line[end] is '.' or ')' && line[end + 1] == ' ') { depth++; i = end + 2; }
                else break;
            }
            else break;
        }
        // Nested list items are usually indented by two to four spaces per level.
        return depth + indent / 2;
    }
}
