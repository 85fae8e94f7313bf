using Scriban;
using Scriban.Runtime;
using HiiaPublish.Templating;

namespace HiiaPublish.Rendering;

/// <summary>
/// The fixed pages' templates (templates/pdf), parsed once. Rendering gets data only: the editor's words
/// arrive as values in a ScriptObject and are printed, never parsed as template code.
/// </summary>
internal sealed class PdfTemplates
{
    // A page script prints each front-matter value once, and the parser caps the front matter at 64 KiB: at most
    // ~8 characters of script per byte of it (a one-letter author in a flow list costs 2 bytes and prints a
    // 16-character line), so ~512 K is the most a valid draft can produce. Twice that stops a runaway template.
    private const int MaxPageScriptCharacters = 1024 * 1024;

    // All that templates/pdf calls; the full set of Scriban's built-ins would cost a fresh render ~10 ms to build.
    private static readonly ScriptObject Builtins = SafeTemplateContext.Only("string.upcase", "array.join");

    private readonly Template _cover;
    private readonly Template _imprint;
    private readonly Template _backCover;

    public PdfTemplates(string templatesDirectory)
    {
        var folder = Path.Combine(templatesDirectory, "pdf");
        _cover = Load(folder, "cover.scriban");
        _imprint = Load(folder, "imprint.scriban");
        _backCover = Load(folder, "back-cover.scriban");
    }

    public string RenderCover(ScriptObject data) => Render(_cover, data);
    public string RenderImprint(ScriptObject data) => Render(_imprint, data);
    public string RenderBackCover(ScriptObject data) => Render(_backCover, data);

    private static Template Load(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        var template = Template.Parse(File.ReadAllText(path), path);
        // Our own templates: a syntax error is a bug to fix before shipping, reported as Scriban prints it.
        if (template.HasErrors)
            throw new InvalidDataException(string.Join(Environment.NewLine, template.Messages));
        return template;
    }

    private static string Render(Template template, ScriptObject data) =>
        template.Render(SafeTemplateContext.Create(data, maxOutputCharacters: MaxPageScriptCharacters, Builtins));
}
