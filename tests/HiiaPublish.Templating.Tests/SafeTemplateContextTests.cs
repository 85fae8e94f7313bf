using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HiiaPublish.Templating.Tests;

/// <summary>
/// A template gone wrong stops with Scriban's own message (file, line, column, which limit), quickly: each runaway
/// here would hang or eat memory without its limit, so every render runs against a deadline.
/// </summary>
public class SafeTemplateContextTests
{
    // Far above what any limit needs (each stops in milliseconds); only a missing limit gets near it.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static string Render(string source, ScriptObject? model = null, int maxOutputCharacters = 10_000) =>
        Finished(source, model, maxOutputCharacters).GetAwaiter().GetResult();

    private static ScriptRuntimeException Refused(string source, ScriptObject? model = null, int maxOutputCharacters = 10_000)
    {
        var render = Finished(source, model, maxOutputCharacters);
        Assert.True(render.IsFaulted, $"'{source}' rendered instead of being refused");
        var refusal = Assert.IsType<ScriptRuntimeException>(render.Exception!.InnerException);
        Assert.StartsWith("runaway.scriban(1,", refusal.Message);
        return refusal;
    }

    private static Task<string> Finished(string source, ScriptObject? model, int maxOutputCharacters)
    {
        var template = Template.Parse(source, "runaway.scriban");
        Assert.False(template.HasErrors, string.Join("; ", template.Messages));
        var render = Task.Run(() => template.Render(SafeTemplateContext.Create(model ?? new ScriptObject(), maxOutputCharacters)));
        // WaitAny, unlike Wait, returns for a faulted render too instead of throwing.
        Assert.True(Task.WaitAny([render], Deadline) == 0, $"the render of '{source}' did not stop within {Deadline.TotalSeconds} s");
        return render;
    }

    [Fact]
    public void AnEndlessLoop_StopsAtTheLoopLimit()
    {
        var refusal = Refused("{{ while true }}{{ end }}");
        Assert.Contains("iteration limit `100000`", refusal.Message);
    }

    [Fact]
    public void NestedLoops_ShareOneLoopBudget()
    {
        // 400 × 400 = 160,000 iterations: each loop alone is small, together they pass the bound.
        var refusal = Refused("{{ for i in 1..400 }}{{ for j in 1..400 }}{{ end }}{{ end }}");
        Assert.Contains("iteration limit", refusal.Message);
    }

    [Fact]
    public void EndlessRecursion_StopsAtTheRecursionLimit()
    {
        var refusal = Refused("{{ func f; f; end; f }}");
        Assert.Contains("recursive depth limit `20`", refusal.Message);
    }

    [Fact]
    public void OutputPastTheCallersBound_Throws_AndIsNeverTruncated()
    {
        var refusal = Refused("{{ for i in 1..1000 }}0123456789{{ end }}", maxOutputCharacters: 5_000);
        Assert.Contains("OutputLimit `5000`", refusal.Message);
        // Just below the bound, everything is written, with no ellipsis.
        Assert.Equal(string.Concat(Enumerable.Repeat("0123456789", 499)), Render("{{ for i in 1..499 }}0123456789{{ end }}", maxOutputCharacters: 5_000));
    }

    [Fact]
    public void AValueLongerThanTheBound_Throws_AndIsNeverTruncated()
    {
        var model = new ScriptObject { ["title"] = new string('x', 6_000) };
        var refusal = Refused("{{ title }}", model, maxOutputCharacters: 5_000);
        Assert.Contains("5000", refusal.Message);
    }

    [Fact]
    public void AMisspeltVariableOrMember_FailsLoudly()
    {
        var model = new ScriptObject { ["paper"] = new ScriptObject { ["title"] = "A Paper" } };
        Assert.Contains("titel", Refused("{{ titel }}", model).Message);
        Assert.Contains("titel", Refused("{{ paper.titel }}", model).Message);
    }

    [Fact]
    public void Include_CannotReadAFile()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "secret");
            var refusal = Refused($"{{{{ include '{file}' }}}}");
            Assert.Contains("No TemplateLoader", refusal.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void DataThatLooksLikeTemplateCode_IsPrintedAsText()
    {
        var model = new ScriptObject { ["title"] = "{{ 1 + 1 }} and {{ title }}" };
        Assert.Equal("{{ 1 + 1 }} and {{ title }}", Render("{{ title }}", model));
    }

    [Theory]
    [InlineData("{{ object.eval_template title }}")]
    [InlineData("{{ title | object.eval }}")]
    public void NoTemplateCanRunAValueAsTemplateCode(string source)
    {
        var model = new ScriptObject { ["title"] = "1 + 1" };
        var refusal = Refused(source, model);
        Assert.Contains("eval", refusal.Message);
    }

    [Fact]
    public void ARender_CannotChangeTheBuiltinsTheNextRenderSees()
    {
        Assert.ThrowsAny<Exception>(() => Render("{{ string.upcase = 'spoiled' }}"));
        Assert.ThrowsAny<Exception>(() => Render("{{ string.added = 'spoiled' }}"));
        // A name assigned at the top goes into that render's own model, shadowing the builtin only there.
        Assert.Equal("spoiled", Render("{{ array = 'spoiled' }}{{ array }}"));

        Assert.Equal("A,B", Render("{{ ['a', 'b'] | array.join ',' | string.upcase }}"));
        Assert.Contains("added", Refused("{{ string.added }}").Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ABoundOfZeroOrLess_IsRefused_ForScribanWouldReadItAsNoLimit(int bound) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SafeTemplateContext.Create(new ScriptObject(), bound));
}
