namespace HiiaPublish.Core.Diagnostics;

public enum Severity { Error, Warning }

/// <summary>
/// One problem in an editor's input: where (file, 1-based line and column), a stable code,
/// and a sentence that says what is wrong and what to do.
/// </summary>
public sealed record Diagnostic(string File, int Line, int Column, string Code, Severity Severity, string Message)
{
    /// <summary>The form editors' tools and CI understand: <c>file(line,col): error HP0012: message</c>.</summary>
    public override string ToString() =>
        $"{File}({Line},{Column}): {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}
