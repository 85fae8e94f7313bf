using System.Globalization;

namespace HiiaPublish.Format.Diagnostics;

/// <summary>
/// One entry of the catalogue: a stable code, its severity, a short title (for the editors' doc)
/// and a message template whose {0}, {1}… are filled per occurrence. Each project that reports problems keeps its
/// descriptors in one catalogue (this project's <see cref="DiagnosticCatalog"/>, Rendering's and Site's own).
/// </summary>
public sealed record DiagnosticDescriptor(string Code, Severity Severity, string Title, string MessageTemplate)
{
    // The catalogues declare their entries with these (`using static`), so each line reads as code, title, message.
    public static DiagnosticDescriptor Error(string code, string title, string template) => new(code, Severity.Error, title, template);
    public static DiagnosticDescriptor Warning(string code, string title, string template) => new(code, Severity.Warning, title, template);

    public string FormatMessage(params object?[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, MessageTemplate, arguments);

    /// <summary>One occurrence of this problem, at a 1-based line and column of <paramref name="file"/>.</summary>
    public Diagnostic At(string file, int line, int column, params object?[] arguments) =>
        new(file, line, column, Code, Severity, FormatMessage(arguments));
}
