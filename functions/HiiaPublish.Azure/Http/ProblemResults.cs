using HiiaPublish.Workflow;

namespace HiiaPublish.Azure.Http;

/// <summary>A workflow refusal as an HTTP problem: the kind decides the status, the rest is passed through.</summary>
public static class ProblemResults
{
    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.BadRequest => 400,
        ProblemKind.Unauthorized => 401,
        ProblemKind.Forbidden => 403,
        ProblemKind.NotFound => 404,
        ProblemKind.Conflict => 409,
        ProblemKind.PreconditionFailed => 412,
        ProblemKind.TooLarge => 413,
        ProblemKind.UnsupportedMediaType => 415,
        _ => 422,
    };

    public static ApiResult From(WorkflowProblem problem, IReadOnlyDictionary<string, string>? headers = null) =>
        ApiResult.Problem(StatusOf(problem.Kind), problem.Title, problem.Detail, problem.Diagnostics, problem.Slug, problem.Revision, headers);

    public static ApiResult BadRequest(string detail) => ApiResult.Problem(400, "Bad request", detail);
}
