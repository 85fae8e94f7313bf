using HiiaPublish.Format.Common;

namespace HiiaPublish.Format;

public abstract record Inline;

public sealed record Text(string Value) : Inline;

/// <summary>Markdown *emphasis*: italic in print.</summary>
public sealed record Emphasis(EquatableList<Inline> Content) : Inline;

/// <summary>Markdown **strong**: bold in print.</summary>
public sealed record Strong(EquatableList<Inline> Content) : Inline;

public sealed record CodeSpan(string Value) : Inline;

/// <summary>A link; Url is already checked to be http, https or mailto. IsAutolink for &lt;https://…&gt;.</summary>
public sealed record Link(string Url, EquatableList<Inline> Content, bool IsAutolink) : Inline;

/// <summary>A reference to footnote Number (numbers are assigned in order of first reference).</summary>
public sealed record FootnoteReference(int Number) : Inline;

public sealed record LineBreak : Inline;
