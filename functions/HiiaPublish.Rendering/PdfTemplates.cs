using Scriban;
using Scriban.Runtime;

namespace HiiaPublish.Rendering;

/// <summary>
/// The fixed pages' templates (templates/pdf), parsed once. Rendering gets data only: the editor's words
/// arrive as values in a ScriptObject and are printed, never parsed as template code.
/// </summary>
public sealed class PdfTemplates
{
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

    private static string Render(Template template, ScriptObject data)
    {
        var context = new TemplateContext
        {
            StrictVariables = true,              // a misspelt variable fails loudly instead of printing nothing
            EnableRelaxedMemberAccess = false,
            LoopLimit = 1000,                    // far above any author list, low enough to stop a runaway loop
            RecursiveLimit = 20,
            LimitToString = 64 * 1024,
            MemberRenamer = member => member.Name,
        };
        context.PushGlobal(data);
        return template.Render(context);
    }
}
