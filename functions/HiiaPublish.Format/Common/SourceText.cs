namespace HiiaPublish.Format.Common;

/// <summary>
/// The decoded text of a file with its line starts, to turn character offsets into 1-based
/// line/column positions. Line ends are "\r\n", "\r" or "\n", as CommonMark counts them.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text)
    {
        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (text[i] is '\r' or '\n') starts.Add(i + 1);
        }
        _lineStarts = starts.ToArray();
    }

    public string Text { get; }

    public int LineCount => _lineStarts.Length;

    public int LineStart(int line) => _lineStarts[line - 1];

    /// <summary>Length of a 1-based line without its line end.</summary>
    public int LineLength(int line)
    {
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        while (end > start && Text[end - 1] is '\r' or '\n') end--;
        return end - start;
    }

    public string LineText(int line) => Text.Substring(LineStart(line), LineLength(line));

    /// <summary>The position of a character offset; offsets outside the text are clamped to its ends.</summary>
    public SourcePosition PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        var lineIndex = index >= 0 ? index : ~index - 1;
        var column = Math.Min(offset - _lineStarts[lineIndex], LineLength(lineIndex + 1)) + 1;
        return new SourcePosition(lineIndex + 1, column);
    }
}
