using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HiiaPublish.Format.FrontMatter;

/// <summary>
/// Reads front matter YAML with YamlDotNet's event parser into <see cref="YamlNode"/>s, refusing what
/// could hurt or surprise: anchors and aliases (alias bombs), tags (typed construction), merge keys,
/// duplicate keys and deep nesting (row 20 of the reliability table).
/// </summary>
internal sealed class YamlTreeReader
{
    /// <summary>
    /// Deepest nesting of lists and field sets accepted. The format needs three levels
    /// (fields → authors → an author's fields); 16 leaves room and still stops pathological input early.
    /// </summary>
    public const int MaxDepth = 16;

    private readonly SourceText _source;
    private readonly int _baseOffset;
    private readonly DiagnosticBag _diagnostics;
    private IParser _parser = null!;

    private YamlTreeReader(SourceText source, int baseOffset, DiagnosticBag diagnostics)
    {
        _source = source;
        _baseOffset = baseOffset;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// The root node (an empty mapping for empty YAML), or null when the YAML is unreadable or too deep:
    /// then one diagnostic says why and the fields are not checked further.
    /// </summary>
    public static YamlNode? Read(SourceText source, int start, int end, DiagnosticBag diagnostics) =>
        new YamlTreeReader(source, start, diagnostics).ReadDocument(source.Text[start..end]);

    private YamlNode? ReadDocument(string yaml)
    {
        var scanner = new Scanner(new StringReader(yaml), skipComments: true);
        _parser = new Parser(scanner);
        try
        {
            _parser.Consume<StreamStart>();
            if (_parser.TryConsume<StreamEnd>(out _)) return new YamlMapping(_baseOffset, []);
            _parser.Consume<DocumentStart>();
            var root = ReadNode(depth: 1);
            if (root is null) return null;
            _parser.Consume<DocumentEnd>();
            if (!_parser.Accept<StreamEnd>(out _))
            {
                ReportSyntax("only one YAML document is allowed.", _parser.Current?.Start.Index ?? 0);
                return null;
            }
            return root;
        }
        catch (YamlException exception)
        {
            ReportSyntax(exception.Message, exception.Start.Index);
            return null;
        }
        catch (Exception exception) when (exception is not YamlException)
        {
            // YamlDotNet 18.1 throws InvalidOperationException from its scanner on some broken flow
            // collections ("a: [b\nc: d"). Whatever it throws, the cause is the editor's broken YAML,
            // found where the scanner stopped, and it must not crash the caller.
            ReportSyntax("the YAML structure is broken here (for example a bracket or quote that is not closed).", scanner.CurrentPosition.Index);
            return null;
        }
    }

    private YamlNode? ReadNode(int depth)
    {
        var current = _parser.Current;
        if (current is AnchorAlias alias)
        {
            _diagnostics.Report(DiagnosticCatalog.YamlAnchorOrAlias, At(alias.Start.Index));
            _parser.MoveNext();
            return new YamlRefused(Offset(alias.Start.Index));
        }

        if (current is NodeEvent node)
        {
            if (!node.Anchor.IsEmpty) _diagnostics.Report(DiagnosticCatalog.YamlAnchorOrAlias, At(node.Start.Index));
            if (!node.Tag.IsEmpty) _diagnostics.Report(DiagnosticCatalog.YamlTag, At(node.Start.Index), ShortTag(node.Tag.ToString()));
        }

        switch (current)
        {
            case Scalar scalar:
                _parser.MoveNext();
                var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~";
                return new YamlScalar(Offset(scalar.Start.Index), scalar.Value, isNull);
            case SequenceStart or MappingStart when depth > MaxDepth:
                _diagnostics.Report(DiagnosticCatalog.YamlTooDeep, At(current.Start.Index), MaxDepth);
                return null;
            case SequenceStart sequenceStart:
                return ReadSequence(sequenceStart, depth);
            case MappingStart mappingStart:
                return ReadMapping(mappingStart, depth);
            default:
                ReportSyntax("unexpected content.", current?.Start.Index ?? 0);
                return null;
        }
    }

    private YamlSequence? ReadSequence(SequenceStart start, int depth)
    {
        _parser.MoveNext();
        var items = new List<YamlNode>();
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            var item = ReadNode(depth + 1);
            if (item is null) return null;
            items.Add(item);
        }
        return new YamlSequence(Offset(start.Start.Index), items);
    }

    private YamlMapping? ReadMapping(MappingStart start, int depth)
    {
        _parser.MoveNext();
        var entries = new List<YamlEntry>();
        var firstLineOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyStart = _parser.Current?.Start.Index ?? 0;
            var key = ReadNode(depth + 1);
            if (key is null) return null;
            var value = ReadNode(depth + 1);
            if (value is null) return null;

            if (key is not YamlScalar scalarKey)
            {
                if (key is not YamlRefused)
                    ReportSyntax("a field name must be a plain word such as 'title'.", keyStart);
                continue;
            }
            if (scalarKey.Value == "<<" && !scalarKey.IsNull)
            {
                _diagnostics.Report(DiagnosticCatalog.YamlMergeKey, _source.PositionOf(scalarKey.Offset));
                continue;
            }
            if (firstLineOfKey.TryGetValue(scalarKey.Value, out var firstLine))
            {
                _diagnostics.Report(DiagnosticCatalog.DuplicateField, _source.PositionOf(scalarKey.Offset), scalarKey.Value, firstLine);
                continue;
            }
            firstLineOfKey[scalarKey.Value] = _source.PositionOf(scalarKey.Offset).Line;
            entries.Add(new YamlEntry(scalarKey, value));
        }
        return new YamlMapping(Offset(start.Start.Index), entries);
    }

    // YamlDotNet expands '!!str' to its full URI; editors wrote the short form.
    private static string ShortTag(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;

    private void ReportSyntax(string reason, long index)
    {
        var sentence = reason.EndsWith('.') ? reason : reason + ".";
        _diagnostics.Report(DiagnosticCatalog.YamlSyntax, At(index), sentence);
    }

    // YamlDotNet's own line numbers count more characters as line breaks than CommonMark does (U+2028,
    // U+0085), so positions go through its character index and our line map instead.
    private int Offset(long index) => _baseOffset + (int)Math.Clamp(index, 0, int.MaxValue - _baseOffset);

    private SourcePosition At(long index) => _source.PositionOf(Offset(index));
}
