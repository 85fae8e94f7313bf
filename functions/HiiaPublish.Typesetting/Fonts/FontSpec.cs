namespace HiiaPublish.Typesetting.Fonts;

/// <summary>A face of a family, e.g. ("Noto Serif", bold: false, italic: true).</summary>
public readonly record struct FontSpec(string Family, bool Bold = false, bool Italic = false)
{
    public FontSpec WithBold(bool bold = true) => this with { Bold = bold };
    public FontSpec WithItalic(bool italic = true) => this with { Italic = italic };
    public override string ToString() => $"{Family}{(Bold ? " Bold" : "")}{(Italic ? " Italic" : "")}";
}
