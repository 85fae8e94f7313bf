using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HiiaPublish.Templating.Tests;

/// <summary>
/// A context with only the named built-ins (what the PDF's page scripts use, to spare a fresh render building all of
/// Scriban's) prints exactly what the full set prints, and nothing else is callable.
/// </summary>
public class OnlyNamedBuiltinsTests
{
    private static readonly ScriptObject PageScriptFunctions = SafeTemplateContext.Only("string.upcase", "array.join");

    private static ScriptObject Model() => new()
    {
        ["names"] = new ScriptArray { "Ádám Ősz", "Zsófia Nagy-Gyöngyi", "ijsselmeer" },
        ["title"] = "Árvíztűrő tükörfúrógép and the ß of straße",
        ["empty"] = new ScriptArray(),
    };

    private static string Render(string source, ScriptObject? builtins)
    {
        var template = Template.Parse(source, "page.scriban");
        Assert.False(template.HasErrors, string.Join("; ", template.Messages));
        return template.Render(builtins is null
            ? SafeTemplateContext.Create(Model(), 10_000)
            : SafeTemplateContext.Create(Model(), 10_000, builtins));
    }

    // What a render prints, or the message it fails with.
    private static string Outcome(string source, ScriptObject? builtins)
    {
        try { return "printed: " + Render(source, builtins); }
        catch (ScriptRuntimeException error) { return "failed: " + error.Message; }
    }

    [Theory]
    [InlineData("{{ title | string.upcase }}")]
    [InlineData("{{ names | array.join \", \" }}")]
    [InlineData("{{ for n in names }}{{ n | string.upcase }};{{ end }}")]
    [InlineData("{{ empty | array.join \", \" }}|{{ if empty.size > 0 }}x{{ end }}|{{ names.size }}")]
    [InlineData("{{ string.upcase null }}|{{ names | array.join }}")]
    [InlineData("{{ array.join names }}")]
    [InlineData("{{ title | string.upcase 3 }}")]
    public void TheNamedFunctions_PrintOrFailAsTheFullSetDoes(string source)
    {
        var expected = Outcome(source, builtins: null);
        Assert.Equal(expected, Outcome(source, PageScriptFunctions));
        Assert.NotEqual("printed: ", expected);
    }

    [Fact]
    public void Upcase_IsScribansInvariantOne_OnHungarianLetters() =>
        Assert.Equal("ÁDÁM ŐSZ;ZSÓFIA NAGY-GYÖNGYI;IJSSELMEER;", Render("{{ for n in names }}{{ n | string.upcase }};{{ end }}", PageScriptFunctions));

    [Theory]
    [InlineData("{{ title | string.downcase }}", "downcase")]
    [InlineData("{{ title | html.escape }}", "html")]
    [InlineData("{{ object.eval \"1 + 1\" }}", "object")]
    public void AFunctionNotNamed_FailsWithScribansMessage(string source, string missing)
    {
        var template = Template.Parse(source, "page.scriban");
        var error = Assert.Throws<ScriptRuntimeException>(() => template.Render(SafeTemplateContext.Create(Model(), 10_000, PageScriptFunctions)));
        Assert.StartsWith("page.scriban(1,", error.Message);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void TheSet_IsReadOnly_SoNoRenderChangesTheNext()
    {
        var template = Template.Parse("{{ string.upcase = 1 }}", "page.scriban");
        Assert.Throws<ScriptRuntimeException>(() => template.Render(SafeTemplateContext.Create(Model(), 10_000, PageScriptFunctions)));
        Assert.Equal("ÁDÁM ŐSZ", Render("{{ names[0] | string.upcase }}", PageScriptFunctions));
    }

    [Theory]
    [InlineData("object.eval", "not a built-in this context offers")]
    [InlineData("upcase", "not a built-in this context offers")]
    [InlineData("string.no_such_thing", "no function 'no_such_thing'")]
    public void NamingAFunctionItCannotOffer_IsRefused(string name, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => SafeTemplateContext.Only(name));
        Assert.Contains(message, error.Message);
    }
}
