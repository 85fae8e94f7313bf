namespace HiiaPublish.Workflow;

public enum ProblemKind
{
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    PreconditionFailed,
    TooLarge,
    UnsupportedMediaType,
    Invalid,
}

/// <summary>Why a request was refused: a kind (the HTTP status at the edge), a short title and a sentence saying what to do.</summary>
public sealed record WorkflowProblem(ProblemKind Kind, string Title, string Detail, IReadOnlyList<DiagnosticView>? Diagnostics = null,
    string? Slug = null, string? Revision = null);

/// <summary>A value or the problem that stopped it.</summary>
public sealed record WorkflowResult<T>(T? Value, WorkflowProblem? Problem) where T : class
{
    public static implicit operator WorkflowResult<T>(T value) => new(value, null);
    public static implicit operator WorkflowResult<T>(WorkflowProblem problem) => new(null, problem);
}
