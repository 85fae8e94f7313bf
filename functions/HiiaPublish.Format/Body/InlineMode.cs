namespace HiiaPublish.Format.Body;

/// <summary>Where inline content sits; each place allows slightly different things.</summary>
internal enum InlineMode
{
    /// <summary>The body: footnote references are numbered.</summary>
    Body,
    /// <summary>Inside a footnote: no references to other footnotes.</summary>
    Footnote,
    /// <summary>The abstract in the front matter: text, emphasis and links only.</summary>
    Abstract,
}
