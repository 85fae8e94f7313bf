namespace HiiaPublish.Azure.Http;

/// <summary>One route the app answers: the name the Functions app gives it, the HTTP method and the route template.</summary>
public sealed record ApiRoute(string Name, string Method, string Template);

/// <summary>
/// Every route the app answers, in one place. The Functions triggers name these templates in their attributes,
/// `hiia serve` maps exactly these, and the OpenAPI document's paths are made from <see cref="Api"/>; tests check
/// that the triggers, serve's endpoints, the document and the desk's script agree with this table.
/// Templates are ASP.NET Core route templates without a leading slash, as the Functions attribute takes them;
/// host.json's route prefix is empty, so each names its own api/.
/// </summary>
public static class ApiRoutes
{
    public const string ApiPrefix = "api/";
    public const string Drafts = "api/drafts";
    public const string Draft = "api/drafts/{slug}";
    public const string Preview = "api/drafts/{slug}/revisions/{rev}/preview.pdf";
    public const string Source = "api/drafts/{slug}/revisions/{rev}/source";
    public const string Approve = "api/drafts/{slug}/revisions/{rev}/approve";
    public const string RequestChanges = "api/drafts/{slug}/revisions/{rev}/request-changes";
    public const string History = "api/drafts/{slug}/history";
    public const string Text = "api/drafts/{slug}/revisions/{rev}/text";
    public const string Replies = "api/drafts/{slug}/revisions/{rev}/replies";
    public const string Me = "api/me";
    public const string Health = "api/health";
    public const string OpenApi = "api/openapi.json";
    /// <summary>The review desk's page and files, below <see cref="ReviewDeskAssets.DeskPath"/>.</summary>
    public const string ReviewDesk = "review/{*path}";

    public const string Get = "GET";
    public const string Post = "POST";

    /// <summary>The API: what the OpenAPI document describes, every path under /api.</summary>
    public static readonly IReadOnlyList<ApiRoute> Api =
    [
        new("ListDrafts", Get, Drafts),
        new("UploadDraft", Post, Drafts),
        new("GetDraft", Get, Draft),
        new("GetPreview", Get, Preview),
        new("GetSource", Get, Source),
        new("Approve", Post, Approve),
        new("RequestChanges", Post, RequestChanges),
        new("GetHistory", Get, History),
        new("GetText", Get, Text),
        new("Reply", Post, Replies),
        new("Me", Get, Me),
        new("Health", Get, Health),
        new("OpenApi", Get, OpenApi),
    ];

    /// <summary>Every route of the app: the API and the review desk's files (HTML, not part of the API's description).</summary>
    public static readonly IReadOnlyList<ApiRoute> All = [.. Api, new("ReviewDesk", Get, ReviewDesk)];
}
