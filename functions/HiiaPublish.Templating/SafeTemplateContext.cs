using System.Reflection;
using Scriban;
using Scriban.Functions;
using Scriban.Runtime;

namespace HiiaPublish.Templating;

/// <summary>
/// The one context our Scriban templates render in, the PDF's page scripts and the web site's pages alike: fresh
/// for every render, the model as its only data, strict about names, and bounded so that a template gone wrong
/// fails with Scriban's message (file, line, column, which limit) instead of hanging, eating memory or truncating.
/// </summary>
/// <remarks>
/// Templates are ours and parsed once at start; what an editor wrote reaches them only as values in the model,
/// printed as text. Nothing here can read a file: no template loader is set, so `include` fails instead.
/// </remarks>
public static class SafeTemplateContext
{
    // Loops run over the catalogue (the sitemap lists every paper and listing page) plus small nested lists (a
    // paper's authors and keywords). The sitemap protocol caps a file at 50,000 URLs, so twice that is a bound no
    // honest site reaches, and a runaway loop reaches it in milliseconds. Scriban counts nested loops together.
    private const int MaxLoopIterations = 100_000;

    // Our templates call no recursive functions; a small bound catches a mistake in a template early.
    private const int MaxRecursion = 20;

    // Building Scriban's built-in functions (html.escape, array.join, …) costs more than rendering a small page,
    // so one set is shared by every render, read-only down to each group (`string`, `array`, …): a render that
    // assigned into it would change every render after it. Built on first use: templates that name their few
    // functions (<see cref="Only"/>) never pay for all of them.
    private static readonly Lazy<ScriptObject> AllBuiltins = new(CreateBuiltins);

    /// <param name="model">The template's data; a fresh object per render.</param>
    /// <param name="maxOutputCharacters">
    /// The most a render may write (and the longest single value it may print), in UTF-16 characters. It differs
    /// by template: a page script is a few hundred characters, a sitemap megabytes. Each caller states its own
    /// bound and why; going past it throws, it never truncates.
    /// </param>
    public static TemplateContext Create(ScriptObject model, int maxOutputCharacters) =>
        Create(model, maxOutputCharacters, AllBuiltins.Value);

    /// <summary>The same context with only the built-ins <paramref name="builtins"/> holds (see <see cref="Only"/>).</summary>
    public static TemplateContext Create(ScriptObject model, int maxOutputCharacters, ScriptObject builtins)
    {
        // Scriban reads zero or less as "no limit", which is never what a caller here means.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxOutputCharacters);
        ArgumentNullException.ThrowIfNull(builtins);
        var context = new TemplateContext(builtins)
        {
            StrictVariables = true,              // a misspelt variable fails loudly instead of printing nothing
            EnableRelaxedMemberAccess = false,   // so does a misspelt member
            LoopLimit = MaxLoopIterations,
            RecursiveLimit = MaxRecursion,
            LimitToString = maxOutputCharacters,
            OutputLimit = maxOutputCharacters,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            NewLine = "\n",                      // equal input gives equal bytes on every platform
        };
        context.PushGlobal(model);
        return context;
    }

    private static ScriptObject CreateBuiltins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        // object.eval and object.eval_template would run a value as template code: exactly what must never happen
        // to an editor's words. No template of ours uses them; without them none can by mistake.
        var objectFunctions = builtins["object"] as ScriptObject
            ?? throw new InvalidOperationException("Scriban's built-ins have no 'object' group; check SafeTemplateContext against this Scriban version.");
        objectFunctions.Remove("eval");
        objectFunctions.Remove("eval_template");
        foreach (var group in builtins.Values.OfType<ScriptObject>())
            group.IsReadOnly = true;
        builtins.IsReadOnly = true;
        return builtins;
    }

    // The groups a template may take single functions from; Scriban builds each function the same way in its full set.
    private static readonly string[] GroupNames = ["array", "html", "math", "string"];

    // Each group's functions, by a typeof the trimmer can follow: the Native AOT `hiia` keeps exactly these methods
    // (a Type taken from a table would leave it unable to tell which to keep).
    private static MethodInfo[]? PublicStaticMethods(string group) => group switch
    {
        "array" => typeof(ArrayFunctions).GetMethods(BindingFlags.Public | BindingFlags.Static),
        "html" => typeof(HtmlFunctions).GetMethods(BindingFlags.Public | BindingFlags.Static),
        "math" => typeof(MathFunctions).GetMethods(BindingFlags.Public | BindingFlags.Static),
        "string" => typeof(StringFunctions).GetMethods(BindingFlags.Public | BindingFlags.Static),
        _ => null,
    };

    /// <summary>
    /// A read-only set of just the named built-ins ("string.upcase", "array.join"), for templates that call only a
    /// few: Scriban's full set is built by reflection over every function (~10 ms of a fresh process's start, more
    /// than a page script's whole render). Each function is Scriban's own, so it prints what the full set's would.
    /// A template that calls one not named fails with Scriban's message for an unknown function.
    /// </summary>
    public static ScriptObject Only(params string[] functions)
    {
        var builtins = new ScriptObject();
        foreach (var qualified in functions)
        {
            var dot = qualified.IndexOf('.', StringComparison.Ordinal);
            var (groupName, name) = dot < 0 ? ("", qualified) : (qualified[..dot], qualified[(dot + 1)..]);
            if (PublicStaticMethods(groupName) is not { } groupMethods)
                throw new ArgumentException($"'{qualified}' is not a built-in this context offers: name one of {string.Join(", ", GroupNames)}, dot, the function.", nameof(functions));
            var methods = groupMethods.Where(m => StandardMemberRenamer.Default(m) == name).ToList();
            if (methods.Count != 1)
                throw new ArgumentException($"Scriban's '{groupName}' group has {(methods.Count == 0 ? "no" : "more than one")} function '{name}'.", nameof(functions));
            if (builtins[groupName] is not ScriptObject group)
                builtins.SetValue(groupName, group = new ScriptObject(), readOnly: true);
            group.SetValue(name, DynamicCustomFunction.Create(null, methods[0]), readOnly: true);
        }
        foreach (var group in builtins.Values.OfType<ScriptObject>())
            group.IsReadOnly = true;
        builtins.IsReadOnly = true;
        return builtins;
    }
}
