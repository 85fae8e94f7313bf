namespace HiiaPublish.Format.Common;

internal static class TextSnippet
{
    /// <summary>
    /// Up to 40 characters of what the editor wrote, on one line, for a message: enough to recognise
    /// it, short enough that a pasted paragraph does not drown the message.
    /// </summary>
    public static string Of(string text)
    {
        const int Longest = 40;
        var oneLine = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return oneLine.Length <= Longest ? oneLine : oneLine[..Longest] + "…";
    }
}
