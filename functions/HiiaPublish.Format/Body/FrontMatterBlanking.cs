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
        var chars = text.ToCharArray();
        for (var i = 0; i < bodyStart && i < chars.Length; i++)
            if (chars[i] is not ('\r' or '\n')) chars[i] = ' ';
        return new string(chars);
    }
}
