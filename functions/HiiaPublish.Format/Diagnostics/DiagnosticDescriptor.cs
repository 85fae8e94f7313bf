using System.Globalization;

namespace HiiaPublish.Format.Diagnostics;

/// <summary>
/// One entry of the catalogue: a stable code, its severity, a short title (for the editors' doc)
/// and a message template whose {0}, {1}… are filled per occurrence.
/// </summary>
public sealed record DiagnosticDescriptor(string Code, Severity Severity, string Title, string MessageTemplate)
{
    public string FormatMessage(params object?[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, MessageTemplate, arguments);
}
