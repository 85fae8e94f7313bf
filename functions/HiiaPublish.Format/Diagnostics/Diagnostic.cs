namespace HiiaPublish.Format.Diagnostics;

public enum Severity { Error, Warning }

/// <summary>
/// One problem in an editor's input: where (file, 1-based line and column), a stable code,
/// and a sentence that says what is wrong and what to do. Field names the front-matter field
/// concerned as a JSON pointer (<c>/authors/1/name</c>, 0-based indices) when there is one.
/// </summary>
public sealed record Diagnostic(string File, int Line, int Column, string Code, Severity Severity, string Message, string? Field = null)
{
    /// <summary>The form editors' tools and CI understand: <c>file(line,col): error HP0012: message</c>.</summary>
    public override string ToString() =>
        $"{File}({Line},{Column}): {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}
