using HiiaPublish.Typesetting.Model;

namespace HiiaPublish.Typesetting.Inline;

/// <summary>
/// The text a box draws: a slice of a run's text (kept as source plus range, so building items
/// allocates no strings), its style and link, and the footnote mark when the box is one.
/// </summary>
internal readonly record struct Fragment(string Source, int Start, int Length, TextStyle Style, LinkTarget? Link, FootnoteMark? Mark)
{
    public ReadOnlySpan<char> Text => Source.AsSpan(Start, Length);
}
