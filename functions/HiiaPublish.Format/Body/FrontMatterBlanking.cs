namespace HiiaPublish.Format.Body;

internal static class FrontMatterBlanking
{
    /// <summary>
    /// The text Markdig reads: everything before the body turned to spaces, line ends kept, so every
    /// offset and line number Markdig reports is the file's own.
    /// </summary>
    public static string Blank(string text, int bodyStart)
    {
        if (bodyStart <= 0) return text;
        // One copy of the text, not two (an array and then a string of it).
        return string.Create(text.Length, (text, bodyStart), static (chars, state) =>
        {
            state.text.AsSpan().CopyTo(chars);
            for (var i = 0; i < state.bodyStart && i < chars.Length; i++)
                if (chars[i] is not ('\r' or '\n')) chars[i] = ' ';
        });
    }
}
