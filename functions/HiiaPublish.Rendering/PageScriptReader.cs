using System.Globalization;
using HiiaPublish.Typesetting.Model;

namespace HiiaPublish.Rendering;

/// <summary>
/// Turns a rendered page script (see templates/pdf/README.md) into blocks. Text is taken literally:
/// nothing an editor wrote can become an instruction, because instructions live only at a line's start
/// in the template's own lines, and values are single lines (see <see cref="PaperScriptData"/>).
/// </summary>
internal sealed class PageScriptReader(HouseStyle style)
{
    public IReadOnlyList<FlowBlock> Read(string script, Func<FlowBlock?> coverImage, string templateName)
    {
        var blocks = new List<FlowBlock>();
        ParagraphBuilder? open = null;

        void Close()
        {
            if (open is not null) blocks.Add(open.Build());
            open = null;
        }

        foreach (var rawLine in script.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
                continue;
            if (!line.StartsWith('@'))
            {
                if (open is null)
                    throw new InvalidDataException($"{templateName}: text '{line}' comes before any @style line.");
                open.AddLine(line.Trim());
                continue;
            }

            Close();
            var space = line.IndexOf(' ');
            var instruction = space < 0 ? line[1..] : line[1..space];
            var rest = space < 0 ? "" : line[(space + 1)..].Trim();
            switch (instruction)
            {
                case "space":
                    blocks.Add(new SpaceBlock(double.Parse(rest, CultureInfo.InvariantCulture)));
                    break;
                case "fill":
                    blocks.Add(new FillBlock());
                    break;
                case "rule":
                    blocks.Add(new RuleBlock(48, 1.5, style.Accent) { SpaceAfter = 4 });
                    break;
                case "rule-centred":
                    blocks.Add(new RuleBlock(48, 1.5, style.Accent) { SpaceAfter = 4, Alignment = TextAlignment.Center });
                    break;
                case "cover-image":
                    if (coverImage() is { } image) blocks.Add(image);
                    break;
                default:
                    var found = PageScriptStyles.Find(style, instruction)
                        ?? throw new InvalidDataException($"{templateName}: unknown page-script style '@{instruction}'.");
                    open = new ParagraphBuilder(found.Text, found.Paragraph);
                    if (rest.Length > 0) open.AddLine(rest);
                    break;
            }
        }
        Close();
        return blocks;
    }

    private sealed class ParagraphBuilder(TextStyle text, ParagraphStyle paragraph)
    {
        private readonly List<InlineItem> _items = [];

        public void AddLine(string line)
        {
            if (_items.Count > 0) _items.Add(new LineBreakItem());
            _items.Add(new TextRun(line, text));
        }

        public ParagraphBlock Build() => new(_items, paragraph, StructureTag.P);
    }
}
