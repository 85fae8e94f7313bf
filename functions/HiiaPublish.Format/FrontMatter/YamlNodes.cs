namespace HiiaPublish.Format.FrontMatter;

// Our own small YAML tree, so the rest of the format never sees a YamlDotNet type.
// Offsets are character offsets in the whole file.

internal abstract record YamlNode(int Offset)
{
    public abstract string KindName { get; }
}

/// <summary>IsNull for an empty value or '~' written plainly (an absent value in YAML).</summary>
internal sealed record YamlScalar(int Offset, string Value, bool IsNull) : YamlNode(Offset)
{
    public override string KindName => "text";
}

internal sealed record YamlSequence(int Offset, IReadOnlyList<YamlNode> Items) : YamlNode(Offset)
{
    public override string KindName => "a list";
}

internal sealed record YamlMapping(int Offset, IReadOnlyList<YamlEntry> Entries) : YamlNode(Offset)
{
    public override string KindName => "a set of fields";
}

/// <summary>A value that was refused (an alias); already reported, so checks on it stay silent.</summary>
internal sealed record YamlRefused(int Offset) : YamlNode(Offset)
{
    public override string KindName => "a refused value";
}

internal sealed record YamlEntry(YamlScalar Key, YamlNode Value);
